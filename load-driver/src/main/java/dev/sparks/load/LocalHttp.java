package dev.sparks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

/**
 * The driver's one HTTP client: HTTP/1.1 with keep-alive (as a browser or a front-end server would talk to the
 * services), never through a proxy, with a small fixed thread pool so the driver's own CPU stays predictable.
 */
final class LocalHttp implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ExecutorService executor;
    private final HttpClient client;

    LocalHttp(int threads) {
        this.executor = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(runnable, "load-http");
            thread.setDaemon(true);
            return thread;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .proxy(HttpClient.Builder.NO_PROXY)
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(executor)
                .build();
    }

    static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
    }

    static HttpRequest.Builder json(String url, String bearer, String method, Object body) {
        HttpRequest.Builder builder = request(url).header("Accept", "application/json");
        if (bearer != null) {
            builder.header("Authorization", "Bearer " + bearer);
        }
        if (body == null) {
            return builder.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return builder.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
        } catch (IOException e) {
            throw new IllegalArgumentException("body cannot be written as JSON", e);
        }
    }

    static HttpRequest form(String url, Map<String, String> fields) {
        String body = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return request(url).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    CompletableFuture<HttpResponse<String>> sendAsync(HttpRequest request) {
        return client.sendAsync(request, HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** The JSON body of a response that must have {@code status}; anything else stops the run with the answer. */
    static JsonNode expect(HttpResponse<String> response, int status, String what) {
        if (response.statusCode() != status) {
            String body = response.body() == null ? "" : response.body();
            throw new IllegalStateException(what + ": HTTP " + response.statusCode() + " from "
                    + response.request().uri() + ": " + body.substring(0, Math.min(400, body.length())));
        }
        try {
            String body = response.body();
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(what + ": unreadable JSON from " + response.request().uri(), e);
        }
    }

    /**
     * Runs {@code count} asynchronous tasks with at most {@code concurrency} in flight and waits for all; the results
     * in index order. The first failure stops the run.
     */
    static <T> List<T> all(int count, int concurrency,
            IntFunction<CompletableFuture<T>> task) {
        Semaphore permits = new Semaphore(concurrency);
        List<CompletableFuture<T>> futures = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            permits.acquireUninterruptibly();
            CompletableFuture<T> future;
            try {
                future = task.apply(i);
            } catch (RuntimeException e) {
                permits.release();
                throw e;
            }
            future.whenComplete((result, failure) -> permits.release());
            futures.add(future);
            if (future.isCompletedExceptionally()) {
                break;
            }
        }
        List<T> results = new ArrayList<>(count);
        for (CompletableFuture<T> future : futures) {
            try {
                results.add(future.join());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        return results;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
