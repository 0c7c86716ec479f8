package dev.sparks.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Tokens every secured operation must refuse with 401, each as close to a good token as it can be: one the sparks
 * realm really issued that has expired, a real token re-signed by a key the provider never had, and a real token
 * of another realm (another issuer) whose user has the same name, email and every Sparks role.
 *
 * <p>The expired tokens come from a public client of the sparks realm whose tokens live one second; it and the
 * other realm are created through Keycloak's admin API on first use and kept, so concurrent test runs share them.
 */
public final class RefusedTokens {

    /** The client of the sparks realm whose access tokens expire after one second. */
    public static final String SHORT_LIVED_CLIENT = "sparks-test-short-lived";
    /** A realm that is not the services' issuer. */
    public static final String OTHER_REALM = "sparks-test-elsewhere";
    private static final String DEMO_PASSWORD = env("SPARKS_DEMO_PASSWORD", "sparks-demo");
    private static final String BASE = Tokens.ISSUER.substring(0, Tokens.ISSUER.indexOf("/realms/"));
    private static final String REALM = Tokens.ISSUER.substring(Tokens.ISSUER.indexOf("/realms/") + 8);
    private static final String ADMIN = env("KC_BOOTSTRAP_ADMIN_USERNAME", "admin");
    private static final String ADMIN_PASSWORD = env("KC_BOOTSTRAP_ADMIN_PASSWORD", "admin");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static KeyPair foreignKey;

    private RefusedTokens() {
    }

    /**
     * A real token of each user from the sparks realm, returned once every one of them has expired: past its
     * {@code exp} by more than the grace the services' OIDC configuration allows for clock skew
     * ({@code quarkus.oidc.token.lifespan-grace}, none unless set), so the services must see them as expired.
     */
    public static Map<String, String> expired(Collection<String> usernames) {
        ensureShortLivedClient();
        Map<String, String> tokens = new LinkedHashMap<>();
        long latestExpiry = 0;
        for (String username : usernames) {
            JsonNode answer = token(Tokens.ISSUER, Map.of("grant_type", "password", "client_id", SHORT_LIVED_CLIENT,
                    "username", username, "password", DEMO_PASSWORD, "scope", "openid"));
            String token = answer.get("access_token").asText();
            JsonNode claims = claims(token);
            assertThat(claims.path("iss").asText()).isEqualTo(Tokens.ISSUER);
            assertThat(claims.path("exp").asLong() - claims.path("iat").asLong())
                    .as("lifespan of %s tokens", SHORT_LIVED_CLIENT).isLessThanOrEqualTo(1);
            latestExpiry = Math.max(latestExpiry, claims.path("exp").asLong());
            tokens.put(username, token);
        }
        int grace = ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.token.lifespan-grace", Integer.class)
                .orElse(0);
        // exp has whole seconds: one second more and the token is expired whatever the sub-second clocks say
        long refusedFrom = (latestExpiry + grace + 1) * 1000;
        while (System.currentTimeMillis() < refusedFrom) {
            sleep(refusedFrom - System.currentTimeMillis());
        }
        return tokens;
    }

    /** The same header (including the provider's key id) and claims, signed by a key the provider never had. */
    public static String resignedWithForeignKey(String token) {
        try {
            String[] parts = token.split("\\.");
            Signature signer = Signature.getInstance("SHA256withRSA");
            signer.initSign(foreignKey().getPrivate());
            String signingInput = parts[0] + "." + parts[1];
            signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
            String forged = signingInput + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
            assertThat(forged).isNotEqualTo(token);
            return forged;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized KeyPair foreignKey() throws java.security.GeneralSecurityException {
        if (foreignKey == null) {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            foreignKey = generator.generateKeyPair();
        }
        return foreignKey;
    }

    /**
     * A valid token of {@link #OTHER_REALM} for a user named like the sparks program-admin, with the same email and
     * every Sparks role: only the issuer (and so its keys) differs.
     */
    public static String fromAnotherIssuer() {
        ensureOtherRealm();
        String issuer = BASE + "/realms/" + OTHER_REALM;
        String token = token(issuer, Map.of("grant_type", "password", "client_id", "sparks-frontend",
                "username", "priya", "password", DEMO_PASSWORD, "scope", "openid")).get("access_token").asText();
        JsonNode claims = claims(token);
        assertThat(claims.path("iss").asText()).isEqualTo(issuer);
        assertThat(claims.path("realm_access").path("roles").toString())
                .contains("participant", "mentor", "program-admin", "hr-integration");
        return token;
    }

    public static JsonNode claims(String token) {
        try {
            return JSON.readTree(Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static synchronized void ensureShortLivedClient() {
        String clients = BASE + "/admin/realms/" + REALM + "/clients";
        JsonNode found = admin("GET", clients + "?clientId=" + SHORT_LIVED_CLIENT, null, 200);
        if (!found.isEmpty()) {
            return;
        }
        admin("POST", clients, Map.of("clientId", SHORT_LIVED_CLIENT, "name", "Tests: tokens that expire at once",
                "publicClient", true, "directAccessGrantsEnabled", true, "standardFlowEnabled", false,
                "attributes", Map.of("access.token.lifespan", "1")), 201, 409);
    }

    private static synchronized void ensureOtherRealm() {
        JsonNode realm = admin("GET", BASE + "/admin/realms/" + OTHER_REALM, null, 200, 404);
        if (realm.has("realm")) {
            return;
        }
        List<String> roles = List.of("participant", "mentor", "program-admin", "hr-integration");
        admin("POST", BASE + "/admin/realms", Map.of(
                "realm", OTHER_REALM, "enabled", true, "sslRequired", "none",
                "roles", Map.of("realm", roles.stream().map(role -> Map.of("name", role)).toList()),
                "clients", List.of(Map.of("clientId", "sparks-frontend", "publicClient", true,
                        "directAccessGrantsEnabled", true, "standardFlowEnabled", false)),
                "users", List.of(Map.of("username", "priya", "email", "priya@sparks.test", "emailVerified", true,
                        "firstName", "Priya", "lastName", "Elsewhere", "enabled", true, "realmRoles", roles,
                        "credentials", List.of(Map.of("type", "password", "value", DEMO_PASSWORD,
                                "temporary", false))))), 201, 409);
    }

    private static JsonNode token(String issuer, Map<String, String> form) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(
                        URI.create(issuer + "/protocol/openid-connect/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(form))));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("token endpoint of " + issuer + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return read(response.body());
    }

    private static JsonNode admin(String method, String url, Object body, int... expected) {
        String adminToken = token(BASE + "/realms/master", Map.of("grant_type", "password", "client_id", "admin-cli",
                "username", ADMIN, "password", ADMIN_PASSWORD)).get("access_token").asText();
        try {
            HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body));
            HttpResponse<String> response = send(HttpRequest.newBuilder(URI.create(url))
                    .header("Authorization", "Bearer " + adminToken)
                    .header("Content-Type", "application/json")
                    .method(method, publisher));
            for (int status : expected) {
                if (status == response.statusCode()) {
                    return response.body().isBlank() ? JSON.createObjectNode() : read(response.body());
                }
            }
            throw new IllegalStateException(method + " " + url + " answered " + response.statusCode() + ": "
                    + response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException("no answer from the OIDC provider at " + BASE
                    + " (is deploy/local/infra-up running?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(Math.max(1, millis));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
