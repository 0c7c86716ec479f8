package dev.sparks.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.testing.AccessMatrix.Caller;
import dev.sparks.common.testing.AccessMatrix.Expected;
import dev.sparks.common.testing.AccessMatrix.Row;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Every operation of the running service, called by every kind of caller, answers as the committed access matrix
 * ({@link AccessMatrix}) says: no token, an expired token, a token signed by another key and a token of another
 * issuer get 401; each role gets past the check or a 403. Run by each service's own {@code @QuarkusTest} subclass
 * against the real OIDC provider.
 *
 * <p>The requests carry dummy ids and an empty JSON object as body, so a caller who is let through changes nothing:
 * an unknown id answers 404 and an empty body 400, both after the access check.
 */
public abstract class AccessMatrixContract {

    /** The demo user who holds each role (deploy/local/realm/sparks-realm.json). */
    public static final Map<Caller, String> DEMO_USERS = Map.of(Caller.PARTICIPANT, "ada", Caller.MENTOR, "maya",
            Caller.PROGRAM_ADMIN, "priya", Caller.HR_INTEGRATION, "hal");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final UUID DUMMY_ID = UUID.fromString("00000000-0000-4000-8000-00000000d0d0");
    private static Map<String, String> expiredTokens;
    private static String otherIssuerToken;

    protected String serviceName() {
        return ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
    }

    @Test
    void everyOperationHasItsRowInTheAccessMatrix() {
        Map<String, Row> rows = AccessMatrix.of(serviceName());
        List<String> missing = new ArrayList<>();
        Set<String> served = new TreeSet<>();
        for (ApiOperations.Operation operation : ApiOperations.served()) {
            served.add(operation.operationId());
            if (!rows.containsKey(operation.operationId())) {
                missing.add(AccessMatrix.derived(serviceName(), operation).csv());
            }
        }
        assertThat(missing).as("operations of %s without a row in %s; review these rows (derived from the "
                + "document's security) and add them", serviceName(), AccessMatrix.FILE).isEmpty();
        assertThat(new TreeSet<>(rows.keySet())).as("rows of %s in %s for operations the service does not serve",
                serviceName(), AccessMatrix.FILE).isSubsetOf(served);
    }

    /** The document tells clients who may call what; it must say what the matrix says. */
    @Test
    void theDocumentedSecurityIsTheMatrix() {
        Map<String, Row> rows = AccessMatrix.of(serviceName());
        List<String> differences = new ArrayList<>();
        for (ApiOperations.Operation operation : ApiOperations.served()) {
            Row row = rows.get(operation.operationId());
            if (row == null) {
                continue;
            }
            Row documented = AccessMatrix.derived(serviceName(), operation);
            if (!documented.expected().equals(row.expected())) {
                differences.add("matrix: " + row.csv() + "\n    document: " + documented.csv());
            }
        }
        assertThat(differences).as("operations whose OpenAPI security differs from %s", AccessMatrix.FILE).isEmpty();
    }

    @Test
    void everyCallerGetsTheAnswerTheMatrixExpects() {
        Map<String, Row> rows = AccessMatrix.of(serviceName());
        List<String> wrong = new ArrayList<>();
        int calls = 0;
        for (ApiOperations.Operation operation : ApiOperations.served()) {
            Row row = rows.get(operation.operationId());
            if (row == null) {
                continue; // reported by everyOperationHasItsRowInTheAccessMatrix
            }
            for (Map.Entry<String, String> caller : callers(row).entrySet()) {
                Caller column = Caller.valueOf(caller.getKey().split(" ")[0]);
                RawHttp.Answer response = call(operation, caller.getValue());
                calls++;
                String problem = mismatch(row.expected(column), response);
                if (problem != null) {
                    wrong.add(operation + " as " + caller.getKey() + ": " + problem);
                }
            }
        }
        assertThat(calls).isPositive();
        assertThat(wrong).as("answers of %s that differ from %s", serviceName(), AccessMatrix.FILE).isEmpty();
    }

    /**
     * Who calls, by column (with the user when a column has several), and the bearer token (null for none). The
     * refused tokens belong to a user whose role the operation allows, so only the token's flaw can refuse them.
     */
    private static Map<String, String> callers(Row row) {
        String user = Caller.roles().stream().filter(c -> row.expected(c) == Expected.ALLOWED).findFirst()
                .map(DEMO_USERS::get).orElse("ada");
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put(Caller.NO_TOKEN.name(), null);
        callers.put(Caller.EXPIRED_TOKEN.name() + " (" + user + ")", expiredTokens().get(user));
        callers.put(Caller.FOREIGN_KEY_TOKEN.name() + " (" + user + ")",
                RefusedTokens.resignedWithForeignKey(Tokens.user(user)));
        callers.put(Caller.OTHER_ISSUER_TOKEN.name(), otherIssuerToken());
        for (Caller role : Caller.roles()) {
            callers.put(role.name() + " (" + DEMO_USERS.get(role) + ")", Tokens.user(DEMO_USERS.get(role)));
        }
        callers.put(Caller.HR_INTEGRATION.name() + " (client sparks-hr)", Tokens.hrClient());
        return callers;
    }

    private static synchronized Map<String, String> expiredTokens() {
        if (expiredTokens == null) {
            expiredTokens = RefusedTokens.expired(new TreeSet<>(DEMO_USERS.values()));
        }
        return expiredTokens;
    }

    private static synchronized String otherIssuerToken() {
        if (otherIssuerToken == null) {
            otherIssuerToken = RefusedTokens.fromAnotherIssuer();
        }
        return otherIssuerToken;
    }

    private static RawHttp.Answer call(ApiOperations.Operation operation, String token) {
        Map<String, String> path = new LinkedHashMap<>();
        for (ApiOperations.Parameter parameter : operation.parameters("path")) {
            path.put(parameter.name(), "uuid".equals(parameter.schema().path("format").asText())
                    ? DUMMY_ID.toString() : "no-such-" + parameter.name());
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        byte[] body = null;
        if (!operation.bodies().isEmpty()) {
            String type = operation.jsonContentType().orElse(operation.bodies().keySet().iterator().next());
            headers.put("Content-Type", type);
            body = (ApiOperations.isJson(type) ? "{}" : "").getBytes(StandardCharsets.UTF_8);
        }
        return RawHttp.send(operation.method(), operation.path(path), headers, body);
    }

    /** Why the answer is not what the matrix expects, or null when it is. */
    static String mismatch(Expected expected, RawHttp.Answer response) {
        int status = response.status();
        String seen = status + " " + abbreviate(response.body());
        switch (expected) {
            case UNAUTHENTICATED, FORBIDDEN -> {
                int wanted = expected == Expected.UNAUTHENTICATED ? 401 : 403;
                if (status != wanted) {
                    return "expected " + wanted + ", got " + seen;
                }
                if (!isProblem(response)) {
                    return "a " + wanted + " without a problem+json body: " + seen;
                }
                String challenge = response.header("WWW-Authenticate");
                if (wanted == 401 && (challenge == null || !challenge.startsWith("Bearer"))) {
                    return "a 401 without a Bearer challenge: " + seen;
                }
                return null;
            }
            default -> {
                if (status == 401 || status == 403 || status == 0) {
                    return "expected to be let through, got " + seen;
                }
                if (status >= 500) {
                    return "server error " + seen;
                }
                if (status >= 400 && !isProblem(response)) {
                    return "an error without a problem+json body: " + seen;
                }
                return null;
            }
        }
    }

    static boolean isProblem(RawHttp.Answer response) {
        String type = response.contentType();
        if (type == null || !type.startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode problem = JSON.readTree(response.body());
            return problem.path("status").asInt() == response.status() && !problem.path("title").asText("").isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    static String abbreviate(String text) {
        String line = text.replaceAll("\\s+", " ");
        return line.length() > 160 ? line.substring(0, 157) + "..." : line;
    }
}
