package dev.sparks.platform.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** JSON calls to a service's REST API with a bearer token, as a front-end or an HR system makes them. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final String baseUrl;
    private final String token;

    private Api(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Calls {@code baseUrl + path} with {@code Authorization: Bearer <token>}. */
    public static Api of(String baseUrl, String token) {
        return new Api(baseUrl, token);
    }

    /** An answer: status, JSON body (null when empty) and the raw text for failure messages. */
    public record Answer(int status, JsonNode body, String text, HttpResponse<String> response) {

        /** The body, after checking the status; a mismatch fails with the whole answer. */
        public JsonNode expect(int expected) {
            if (status != expected) {
                throw new AssertionError("expected " + expected + " from " + response.request().method() + " "
                        + response.request().uri() + ", got " + status + ": " + text);
            }
            return body;
        }
    }

    public Answer get(String path) {
        return send("GET", path, null);
    }

    public Answer post(String path, Object body) {
        return send("POST", path, body);
    }

    public Answer put(String path, Object body) {
        return send("PUT", path, body);
    }

    public Answer send(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .header("Accept", "application/json")
                    .header("Authorization", "Bearer " + token)
                    .timeout(Duration.ofSeconds(60));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            String text = response.body();
            JsonNode json = null;
            if (text != null && !text.isBlank()
                    && response.headers().firstValue("Content-Type").orElse("").contains("json")) {
                json = JSON.readTree(text);
            }
            return new Answer(response.statusCode(), json, text, response);
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + baseUrl + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
