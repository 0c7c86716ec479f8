package dev.sparks.common.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * What every service promises operators and clients, run by each service's own {@code @QuarkusTest} subclass
 * against the real database, broker and OIDC provider: health that checks its dependencies, metrics, the OpenAPI
 * document (complete, and equal to the committed contract in deploy/openapi), real tokens accepted, problem+json
 * for every refusal, and CORS for browser front-ends on other origins.
 */
public abstract class ServiceContract {

    /** A front-end origin of the local default ({@code SPARKS_CORS_ORIGINS} overrides the list). */
    static final String FRONT_END = "http://localhost:5173";

    /** operationIds that need no token (e.g. pages whose link is the credential); none by default. */
    protected Set<String> publicOperations() {
        return Set.of();
    }

    protected String serviceName() {
        return ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
    }

    private static String servedDocument() {
        return given().accept("application/yaml").get("/q/openapi?format=yaml").then().statusCode(200)
                .extract().asString();
    }

    @Test
    void openApiDocumentIsComplete() {
        assertThat(OpenApiContract.incompleteness(OpenApiContract.parse(servedDocument()), publicOperations()))
                .as("gaps in the OpenAPI document of " + serviceName())
                .isEmpty();
    }

    @Test
    void openApiDocumentIsTheCommittedContract() {
        OpenApiContract.assertMatchesCommitted(OpenApiContract.committedDocument(serviceName()),
                OpenApiContract.parse(servedDocument()));
    }

    @Test
    void browserOnAFrontEndOriginMayCallWithABearerToken() {
        given().header("Origin", FRONT_END)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match,idempotency-key")
                .options("/api/v1/me").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(FRONT_END))
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("authorization"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("if-match"))
                .header("Access-Control-Allow-Headers", containsStringIgnoringCase("idempotency-key"));
        given().header("Origin", FRONT_END).auth().oauth2(Tokens.user("priya")).get("/api/v1/me").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(FRONT_END))
                .header("Access-Control-Expose-Headers", containsStringIgnoringCase("etag"))
                .header("Access-Control-Expose-Headers", containsStringIgnoringCase("location"));
    }

    @Test
    void browserOnAnotherOriginIsNotAllowed() {
        given().header("Origin", "http://127.0.0.1:6666")
                .header("Access-Control-Request-Method", "GET")
                .header("Access-Control-Request-Headers", "authorization")
                .options("/api/v1/me").then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "http://127.0.0.1:6666").auth().oauth2(Tokens.user("priya")).get("/api/v1/me")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void readinessChecksTheDatabaseAndKafka() {
        given().get("/q/health/ready").then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database connections health check")))
                .body("checks.name", hasItem(containsString("Kafka connection health check")));
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void metricsAreExposedForPrometheus() {
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("sparks_outbox_backlog"))
                .body(containsString("http_server"));
    }

    @Test
    void dashboardsAndAlertsQueryOnlyMetricsThisServicePublishes() {
        // one request through the application, so the HTTP server metrics exist
        given().get("/api/v1/observability-probe");
        assertThat(ObservabilityContract.missing(serviceName(), consumesEvents(), Metrics.scrape()))
                .as("metrics that deploy/observability queries from " + serviceName() + " but it does not publish")
                .isEmpty();
    }

    /** Whether the service reads any Kafka channel: only then are the consumer's metrics expected from it. */
    protected boolean consumesEvents() {
        for (String name : ConfigProvider.getConfig().getPropertyNames()) {
            if (name.startsWith("mp.messaging.incoming.") && name.endsWith(".connector")) {
                return true;
            }
        }
        return false;
    }

    @Test
    void openApiDocumentIsPublished() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("openapi", notNullValue())
                .body("paths", notNullValue());
    }

    @Test
    void realTokenFromTheOidcProviderIsAccepted() {
        given().header("Authorization", Tokens.bearer("priya")).get("/api/v1/me").then()
                .statusCode(200)
                .body("username", equalTo("priya"))
                .body("email", equalTo("priya@sparks.test"))
                .body("roles", hasItem("program-admin"));
        given().auth().oauth2(Tokens.hrClient()).get("/api/v1/me").then()
                .statusCode(200)
                .body("roles", hasItem("hr-integration"));
    }

    @Test
    void missingTokenIsRefusedWithProblem() {
        given().get("/api/v1/me").then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("title", equalTo("Authentication required"));
    }

    @Test
    void tokenSignedByAnotherKeyIsRefused() throws Exception {
        String real = Tokens.user("ada");
        given().auth().oauth2(resignedWithForeignKey(real)).get("/api/v1/me").then()
                .statusCode(401)
                .contentType("application/problem+json");
        String[] parts = real.split("\\.");
        String tampered = parts[0] + "." + parts[1] + "." + parts[2].substring(0, parts[2].length() - 6) + "AAAAAA";
        given().auth().oauth2(tampered).get("/api/v1/me").then().statusCode(401);
    }

    @Test
    void unknownPathIsProblemNotFound() {
        given().auth().oauth2(Tokens.user("priya")).get("/api/v1/no-such-thing").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        given().get("/nothing-here").then()
                .statusCode(404)
                .contentType("application/problem+json");
    }

    /** The same header and claims as a real token, signed by a key the provider never had. */
    static String resignedWithForeignKey(String token) throws Exception {
        String[] parts = token.split("\\.");
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair foreign = generator.generateKeyPair();
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(foreign.getPrivate());
        String signingInput = parts[0] + "." + parts[1];
        signer.update(signingInput.getBytes(StandardCharsets.US_ASCII));
        String signature = Base64.getUrlEncoder().withoutPadding().encodeToString(signer.sign());
        String forged = signingInput + "." + signature;
        assertThat(forged).isNotEqualTo(token);
        return forged;
    }
}
