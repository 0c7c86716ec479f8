package dev.sparks.platform.harness;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.FormElement;

/**
 * What a browser does with a link from a mail: GET the page, fill in and submit one of its forms (as
 * {@code application/x-www-form-urlencoded}, with the page's origin), follow the redirect. No JavaScript: the
 * invitation pages need none.
 */
public final class Browser {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Browser() {
    }

    /** A page as loaded: the status, its address and the parsed HTML. */
    public record Page(int status, URI uri, Document document) {

        public String title() {
            Element heading = document.selectFirst("h1");
            return heading == null ? document.title() : heading.text();
        }

        public String text() {
            return document.body().text();
        }

        /**
         * Submits the form that holds the element {@code buttonSelector} (e.g. {@code "#accept"}), with its fields
         * overridden by {@code fields}, and returns the page the browser ends on.
         */
        public Page submit(String buttonSelector, Map<String, String> fields) {
            Element button = document.selectFirst(buttonSelector);
            if (button == null) {
                throw new AssertionError("no " + buttonSelector + " on the page " + uri + ":\n" + document.html());
            }
            FormElement form = button.parents().stream().filter(FormElement.class::isInstance)
                    .map(FormElement.class::cast).findFirst()
                    .orElseThrow(() -> new AssertionError(buttonSelector + " is in no form on " + uri));
            Map<String, String> data = new LinkedHashMap<>();
            form.formData().forEach(field -> data.put(field.key(), field.value()));
            data.putAll(fields);
            URI action = uri.resolve(form.attr("action"));
            String method = form.attr("method").isBlank() ? "GET" : form.attr("method").toUpperCase();
            if (!method.equals("POST")) {
                throw new AssertionError("expected a POST form on " + uri + ", found " + method);
            }
            String body = data.entrySet().stream()
                    .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                    .collect(Collectors.joining("&"));
            HttpRequest request = HttpRequest.newBuilder(action)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Accept", "text/html")
                    .header("Origin", uri.getScheme() + "://" + uri.getAuthority())
                    .header("Referer", uri.toString())
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .timeout(Duration.ofSeconds(30))
                    .build();
            return load(request, 5);
        }
    }

    /** Opens the link as a browser would. */
    public static Page open(String url) {
        return load(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").GET()
                .timeout(Duration.ofSeconds(30)).build(), 5);
    }

    private static Page load(HttpRequest request, int redirectsLeft) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            int status = response.statusCode();
            if (status >= 300 && status < 400 && response.headers().firstValue("Location").isPresent()) {
                if (redirectsLeft == 0) {
                    throw new AssertionError("too many redirects from " + request.uri());
                }
                // 303 (and 302 after a POST) continue with a GET, as browsers do.
                URI next = request.uri().resolve(response.headers().firstValue("Location").get());
                return load(HttpRequest.newBuilder(next).header("Accept", "text/html").GET()
                        .timeout(Duration.ofSeconds(30)).build(), redirectsLeft - 1);
            }
            return new Page(status, request.uri(), Jsoup.parse(response.body(), request.uri().toString()));
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
