package dev.sparks.common.testing;

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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Real access tokens from the platform's OIDC provider (Keycloak, started by deploy/local/infra-up) for the demo
 * users of the sparks realm and for the HR client. Tests never mint their own tokens.
 */
public final class Tokens {

    public static final String ISSUER = env("SPARKS_OIDC_URL", "http://127.0.0.1:8180/realms/sparks");
    private static final String DEMO_PASSWORD = env("SPARKS_DEMO_PASSWORD", "sparks-demo");
    private static final String HR_SECRET = env("SPARKS_HR_CLIENT_SECRET", "sparks-hr-local-secret");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private record Cached(String token, long expiresAtMillis) {
    }

    private Tokens() {
    }

    /** A participant: ada or ben. A mentor: maya or noah. A program-admin: priya. An HR person: hal. */
    public static String user(String username) {
        return user(username, DEMO_PASSWORD);
    }

    public static String user(String username, String password) {
        return cached("user:" + username, () -> request(Map.of(
                "grant_type", "password",
                "client_id", "sparks-frontend",
                "username", username,
                "password", password,
                "scope", "openid")));
    }

    /** The HR system: the confidential client with the client-credentials grant (role hr-integration). */
    public static String hrClient() {
        return cached("client:sparks-hr", () -> request(Map.of(
                "grant_type", "client_credentials",
                "client_id", "sparks-hr",
                "client_secret", HR_SECRET)));
    }

    /** The bearer header value for a demo user. */
    public static String bearer(String username) {
        return "Bearer " + user(username);
    }

    private interface TokenRequest {
        JsonNode call() throws IOException, InterruptedException;
    }

    private static String cached(String key, TokenRequest request) {
        Cached hit = CACHE.get(key);
        if (hit != null && hit.expiresAtMillis() > System.currentTimeMillis()) {
            return hit.token();
        }
        try {
            JsonNode answer = request.call();
            String token = answer.get("access_token").asText();
            long lifetime = answer.path("expires_in").asLong(60);
            CACHE.put(key, new Cached(token, System.currentTimeMillis() + (lifetime - 30) * 1000));
            return token;
        } catch (IOException e) {
            throw new IllegalStateException("No token from " + ISSUER + " (is deploy/local/infra-up running?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode request(Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(ISSUER + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .timeout(Duration.ofSeconds(20))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("token endpoint answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
