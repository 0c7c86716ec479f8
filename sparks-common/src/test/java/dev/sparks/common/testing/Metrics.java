package dev.sparks.common.testing;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads what a service publishes on {@code /q/metrics} (Prometheus text format), as a scraper would. */
public final class Metrics {

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private final String text;

    private Metrics(String text) {
        this.text = text;
    }

    /** Scrapes the service under test now. */
    public static Metrics scrape() {
        return new Metrics(given().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    public static Metrics of(String text) {
        return new Metrics(text);
    }

    public String text() {
        return text;
    }

    /** Whether any sample of this name is published. */
    public boolean has(String name) {
        return has(name, Map.of());
    }

    /** Whether a sample of this name with (at least) these labels is published. */
    public boolean has(String name, Map<String, String> labels) {
        return sum(name, labels, true) != null;
    }

    /**
     * The sum of the samples of this name whose labels include all the given ones (0 when there are none: a counter
     * not yet registered has counted nothing).
     */
    public double value(String name, Map<String, String> labels) {
        Double sum = sum(name, labels, false);
        return sum == null ? 0 : sum;
    }

    public double value(String name) {
        return value(name, Map.of());
    }

    private Double sum(String name, Map<String, String> wanted, boolean any) {
        Double sum = null;
        for (String line : text.split("\n")) {
            Sample sample = Sample.parse(line);
            if (sample == null || !sample.name().equals(name)
                    || !labelsOf(sample.labels()).entrySet().containsAll(wanted.entrySet())) {
                continue;
            }
            if (any) {
                return 0.0;
            }
            sum = (sum == null ? 0 : sum) + Double.parseDouble(sample.value());
        }
        return sum;
    }

    /**
     * One sample line: name, the label block, the value; anything after the value (a timestamp, or an OpenMetrics
     * exemplar such as {@code # {trace_id="..."} 1.0}) is ignored. Label values may hold braces ({@code uri="/a/{id}"}).
     */
    private record Sample(String name, String labels, String value) {

        static Sample parse(String line) {
            if (line.isBlank() || line.startsWith("#")) {
                return null;
            }
            int i = 0;
            while (i < line.length() && line.charAt(i) != '{' && !Character.isWhitespace(line.charAt(i))) {
                i++;
            }
            String name = line.substring(0, i);
            String labels = "";
            if (i < line.length() && line.charAt(i) == '{') {
                int start = ++i;
                boolean quoted = false;
                while (i < line.length() && (quoted || line.charAt(i) != '}')) {
                    char c = line.charAt(i);
                    if (c == '\\') {
                        i++;
                    } else if (c == '"') {
                        quoted = !quoted;
                    }
                    i++;
                }
                labels = line.substring(start, Math.min(i, line.length()));
                i++;
            }
            String[] rest = line.substring(Math.min(i, line.length())).trim().split("\\s+");
            return rest.length == 0 || rest[0].isEmpty() ? null : new Sample(name, labels, rest[0]);
        }
    }

    private static Map<String, String> labelsOf(String labels) {
        Map<String, String> result = new LinkedHashMap<>();
        if (labels != null) {
            Matcher label = LABEL.matcher(labels);
            while (label.find()) {
                result.put(label.group(1), label.group(2));
            }
        }
        return result;
    }
}
