package dev.sparks.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The metric names that the committed dashboards and alert rules (deploy/observability) query, with the service
 * each query names, so each service's test can check that it really publishes them: a renamed metric fails a test
 * instead of leaving an empty panel or an alert that can never fire.
 */
public final class ObservabilityContract {

    /** Where the dashboards (grafana/*.json) and rule files (prometheus/*.yaml) live, below the repository root. */
    public static final String FOLDER = "deploy/observability";

    /** Series Prometheus makes itself, not the services. */
    static final Set<String> SYNTHETIC = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped");

    /** Series only a service that consumes events publishes (the Kafka consumer and the inbox). */
    static final Pattern CONSUMER_ONLY = Pattern.compile("kafka_consumer_.*|sparks_events_.*|sparks_consumer_.*");

    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan", "start", "end");
    private static final Pattern GROUPING = Pattern.compile(
            "\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern RANGE = Pattern.compile("\\[[^\\]]*\\]");
    private static final Pattern TOKEN = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\.)*\"|(?<![\\w.:$])([a-zA-Z_:][a-zA-Z0-9_:]*)\\s*(\\{[^}]*\\})?\\s*(\\()?");
    private static final Pattern APPLICATION = Pattern.compile("application\\s*(=~|!=|!~|=)\\s*\"([^\"]*)\"");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");

    /**
     * One metric a query selects, and which services the selector names: {@code application="x"} only x, a
     * regular expression the services it matches, none (or a dashboard variable) every service.
     */
    public record Reference(String metric, String applicationOperator, String applicationValue, String file,
            String query) {

        public boolean concerns(String service) {
            if (applicationOperator == null) {
                return true;
            }
            return switch (applicationOperator) {
                case "=" -> applicationValue.equals(service);
                case "=~" -> applicationValue.contains("$") || service.matches(applicationValue);
                default -> true;
            };
        }
    }

    private ObservabilityContract() {
    }

    /** Every metric reference of every dashboard and rule file. */
    public static List<Reference> references() {
        Path folder = OpenApiContract.repositoryRoot().resolve(FOLDER);
        List<Reference> references = new ArrayList<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = folder.relativize(file).toString();
                if (name.startsWith("grafana/") && name.endsWith(".json")) {
                    for (String query : dashboardQueries(new ObjectMapper().readTree(file.toFile()))) {
                        references.addAll(parse(query, name));
                    }
                } else if (name.startsWith("prometheus/") && name.endsWith(".yaml")) {
                    for (String query : ruleQueries(new YAMLMapper().readTree(file.toFile()))) {
                        references.addAll(parse(query, name));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return references;
    }

    /** The queries of a Grafana dashboard: its panels' targets and its variables'. */
    static List<String> dashboardQueries(JsonNode dashboard) {
        List<String> queries = new ArrayList<>();
        dashboard.findValues("expr").forEach(expr -> queries.add(expr.asText()));
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            if ("query".equals(variable.path("type").asText())) {
                JsonNode query = variable.path("query");
                queries.add(query.isObject() ? query.path("query").asText() : query.asText());
            }
        }
        return queries;
    }

    /** The expressions of a Prometheus rules file (alerting and recording rules). */
    static List<String> ruleQueries(JsonNode rules) {
        List<String> queries = new ArrayList<>();
        for (JsonNode group : rules.path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                queries.add(rule.path("expr").asText());
            }
        }
        return queries;
    }

    /** The metric selectors of one PromQL expression (or Grafana {@code label_values(...)} query). */
    static List<Reference> parse(String query, String file) {
        List<Reference> references = new ArrayList<>();
        Matcher labelValues = LABEL_VALUES.matcher(query);
        if (labelValues.find()) {
            references.add(new Reference(labelValues.group(1), null, null, file, query));
            return references;
        }
        String expression = RANGE.matcher(GROUPING.matcher(query).replaceAll(" ")).replaceAll(" ");
        Matcher token = TOKEN.matcher(expression);
        while (token.find()) {
            String name = token.group(1);
            if (name == null || token.group(3) != null || KEYWORDS.contains(name)) {
                continue; // a string, a function or aggregation, or a keyword
            }
            Matcher application = APPLICATION.matcher(token.group(2) == null ? "" : token.group(2));
            boolean named = application.find();
            references.add(new Reference(name, named ? application.group(1) : null,
                    named ? application.group(2) : null, file, query));
        }
        return references;
    }

    /**
     * The metrics the dashboards and rules expect from this service that it does not publish.
     *
     * @param consumesEvents whether the service consumes events (only then are the consumer's metrics expected)
     */
    public static Set<String> missing(String service, boolean consumesEvents, Metrics published) {
        Set<String> missing = new LinkedHashSet<>();
        for (Reference reference : references()) {
            String metric = reference.metric();
            if (!reference.concerns(service) || SYNTHETIC.contains(metric)
                    || (!consumesEvents && CONSUMER_ONLY.matcher(metric).matches())) {
                continue;
            }
            if (!published.has(metric)) {
                missing.add(metric + " (" + reference.file() + ": " + reference.query() + ")");
            }
        }
        return missing;
    }
}
