package dev.sparks.platform.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.testing.Tokens;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * People in the real OIDC provider (Keycloak of deploy/local/infra-up, realm {@code sparks}). Tokens come from
 * Keycloak itself, never minted by the tests: the HR system's by the client-credentials grant of {@code sparks-hr},
 * people's by the password grant of {@code sparks-frontend} (the realm's client that allows direct access grants),
 * both through the shared {@link Tokens} fixture. Test people are created through the admin REST API
 * ({@code admin}/{@code admin} on the master realm, {@code KC_BOOTSTRAP_ADMIN_*} elsewhere) and deleted again.
 */
public final class Keycloak {

    public static final String REALM = "sparks";
    private static final String ADMIN_USER = Project.env("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    private static final String ADMIN_PASSWORD = Project.env("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private String adminToken;
    private long adminTokenValidUntil;

    /** A person created by {@link #createUsers}: log in with {@code username} and {@code password}. */
    public record TestUser(String id, String username, String password, String firstName, String lastName,
            String email, String role) {

        public String name() {
            return firstName + " " + lastName;
        }

        /** A fresh (or still valid) access token by the password grant. */
        public String token() {
            return Tokens.user(username, password);
        }
    }

    /** The HR system: client {@code sparks-hr} with the client-credentials grant, role hr-integration. */
    public static String hrToken() {
        return Tokens.hrClient();
    }

    /** A demo user of the realm: ada, ben (participant), maya, noah (mentor), priya (program-admin), hal (hr). */
    public static String demoUserToken(String username) {
        return Tokens.user(username);
    }

    /**
     * Creates {@code count} people with realm role {@code role}, named {@code <prefix>-001} and so on, with e-mail
     * {@code <username>@platform.sparks.test}, and signs each in once (tokens are cached until shortly before
     * they expire). Keycloak hashes every password, so a few are created at a time.
     */
    public List<TestUser> createUsers(String prefix, String role, int count) {
        if (!prefix.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("user name prefix must be lower-case letters, digits and '-'");
        }
        JsonNode roleRepresentation = admin("GET", "/roles/" + role, null).body();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<TestUser>> created = new ArrayList<>();
            for (int i = 1; i <= count; i++) {
                String username = "%s-%03d".formatted(prefix, i);
                String lastName = "%s %03d".formatted(capitalised(prefix.replace('-', ' ')), i);
                created.add(pool.submit(() -> create(username, capitalised(role), lastName, role,
                        roleRepresentation)));
            }
            List<TestUser> users = new ArrayList<>();
            for (Future<TestUser> user : created) {
                users.add(user.get());
            }
            return users;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot create users in Keycloak", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Removes the people again (their tokens stay valid until they expire). */
    public void delete(List<TestUser> users) {
        for (TestUser user : users) {
            admin("DELETE", "/users/" + user.id(), null);
        }
    }

    private TestUser create(String username, String firstName, String lastName, String role, JsonNode roleJson) {
        String email = username + "@platform.sparks.test";
        String password = "pw-" + username;
        Admin answer = admin("POST", "/users", Map.of(
                "username", username,
                "email", email,
                "firstName", firstName,
                "lastName", lastName,
                "enabled", true,
                "emailVerified", true,
                "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false))));
        String location = answer.location();
        String id = location.substring(location.lastIndexOf('/') + 1);
        admin("POST", "/users/" + id + "/role-mappings/realm", List.of(roleJson));
        TestUser user = new TestUser(id, username, password, firstName, lastName, email, role);
        user.token(); // signs in once now: the token is cached for its lifetime, so tests need not wait for it
        return user;
    }

    private record Admin(int status, JsonNode body, String location) {
    }

    private Admin admin(String method, String path, Object body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(
                            URI.create(Project.KEYCLOAK + "/admin/realms/" + REALM + path))
                    .header("Authorization", "Bearer " + adminToken())
                    .timeout(Duration.ofSeconds(30));
            if (body == null) {
                request.method(method, HttpRequest.BodyPublishers.noBody());
            } else {
                request.header("Content-Type", "application/json")
                        .method(method, HttpRequest.BodyPublishers.ofByteArray(JSON.writeValueAsBytes(body)));
            }
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Keycloak admin " + method + " " + path + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            JsonNode json = response.body().isBlank() ? null : JSON.readTree(response.body());
            return new Admin(response.statusCode(), json, response.headers().firstValue("Location").orElse(""));
        } catch (IOException e) {
            throw new IllegalStateException("Keycloak admin API unreachable at " + Project.KEYCLOAK, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The master realm's admin token lives a minute: fetched again shortly before it expires. */
    private synchronized String adminToken() throws IOException, InterruptedException {
        if (adminToken != null && System.currentTimeMillis() < adminTokenValidUntil) {
            return adminToken;
        }
        String form = "grant_type=password&client_id=admin-cli&username="
                + URLEncoder.encode(ADMIN_USER, StandardCharsets.UTF_8)
                + "&password=" + URLEncoder.encode(ADMIN_PASSWORD, StandardCharsets.UTF_8);
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create(Project.KEYCLOAK + "/realms/master/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))
                .timeout(Duration.ofSeconds(30))
                .build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no Keycloak admin token (" + response.statusCode() + "): "
                    + response.body());
        }
        JsonNode token = JSON.readTree(response.body());
        adminToken = token.get("access_token").asText();
        adminTokenValidUntil = System.currentTimeMillis() + (token.path("expires_in").asLong(60) - 15) * 1000;
        return adminToken;
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }
}
