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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Short-lived users of the sparks realm, created through Keycloak's admin API, for tests whose effect on a person
 * is permanent (an erasure refuses that login for good): the demo users ada and ben stay usable by every other test.
 * Close the user to delete it from the realm.
 */
public final class RealmUsers {

    private static final String ISSUER = Tokens.ISSUER;
    private static final String BASE = ISSUER.substring(0, ISSUER.indexOf("/realms/"));
    private static final String REALM = ISSUER.substring(ISSUER.indexOf("/realms/") + "/realms/".length());
    private static final String ADMIN = env("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    private static final String ADMIN_PASSWORD = env("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private RealmUsers() {
    }

    /** A realm user; {@link #id()} is the token's subject. */
    public record RealmUser(String id, String username, String password, String name, String email)
            implements AutoCloseable {

        /** A real access token of this user (password grant, like the demo users'). */
        public String token() {
            return Tokens.user(username, password);
        }

        @Override
        public void close() {
            try {
                send(HttpRequest.newBuilder(URI.create(BASE + "/admin/realms/" + REALM + "/users/" + id)).DELETE(),
                        204, 404);
            } catch (IOException e) {
                throw new IllegalStateException("could not delete realm user " + username, e);
            }
        }
    }

    /** A new user with the participant role, a unique username and the email {@code <username>@sparks.test}. */
    public static RealmUser participant(String firstName, String lastName) {
        return create("participant", firstName, lastName);
    }

    public static RealmUser create(String realmRole, String firstName, String lastName) {
        String username = "test-" + UUID.randomUUID().toString().substring(0, 12);
        String email = username + "@sparks.test";
        String password = UUID.randomUUID().toString();
        try {
            Map<String, Object> user = Map.of("username", username, "email", email, "firstName", firstName,
                    "lastName", lastName, "enabled", true, "emailVerified", true,
                    "credentials", List.of(Map.of("type", "password", "value", password, "temporary", false)));
            HttpResponse<String> created = send(HttpRequest.newBuilder(users())
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(user))), 201);
            String location = created.headers().firstValue("Location")
                    .orElseThrow(() -> new IOException("no Location for the new user"));
            String id = location.substring(location.lastIndexOf('/') + 1);
            JsonNode role = JSON.readTree(send(HttpRequest.newBuilder(URI.create(BASE + "/admin/realms/" + REALM
                    + "/roles/" + realmRole)).GET(), 200).body());
            send(HttpRequest.newBuilder(URI.create(users() + "/" + id + "/role-mappings/realm"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("[" + role + "]")), 204);
            return new RealmUser(id, username, password, firstName + " " + lastName, email);
        } catch (IOException e) {
            throw new IllegalStateException("could not create a realm user at " + BASE
                    + " (is deploy/local/infra-up running?)", e);
        }
    }

    private static URI users() {
        return URI.create(BASE + "/admin/realms/" + REALM + "/users");
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, int... expected) throws IOException {
        try {
            HttpResponse<String> response = HTTP.send(request.header("Authorization", "Bearer " + adminToken())
                    .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
            for (int status : expected) {
                if (response.statusCode() == status) {
                    return response;
                }
            }
            throw new IOException(request.build().method() + " " + request.build().uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    /** The realm administrator of the local platform (master realm, admin-cli). */
    private static String adminToken() throws IOException, InterruptedException {
        String form = Map.of("grant_type", "password", "client_id", "admin-cli", "username", ADMIN,
                        "password", ADMIN_PASSWORD).entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(BASE
                                + "/realms/master/protocol/openid-connect/token"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).timeout(Duration.ofSeconds(20)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("no admin token: " + response.statusCode() + " " + response.body());
        }
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
