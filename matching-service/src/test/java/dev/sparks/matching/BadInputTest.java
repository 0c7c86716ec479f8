package dev.sparks.matching;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.testing.ApiOperations;
import dev.sparks.common.testing.BadInputContract;
import dev.sparks.common.testing.BadInputs;
import dev.sparks.common.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bad input to every operation, from the live OpenAPI document (see {@link BadInputContract}). The policy and the
 * program settings are sent as they are now, so a wrongly accepted case would store a new policy version or touch
 * the settings; a matching run is a dry run.
 */
@QuarkusTest
class BadInputTest extends BadInputContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected BadInputs.Good good(ApiOperations.Operation operation, String nonce) {
        BadInputs.Good defaults = super.good(operation, nonce);
        Object body;
        switch (operation.operationId()) {
            case "createManualMatch" -> body = Map.of("participantId", dummyId(nonce), "mentorId", dummyId(nonce),
                    "override", Map.of("reason", "Bad input run " + nonce));
            case "declineMatch", "endMatch" -> body = Map.of("reason", "Bad input run " + nonce);
            case "changeMatchingPolicy" -> {
                Map<String, Object> policy = new LinkedHashMap<>(read("/api/v1/matching-policy"));
                policy.keySet().retainAll(List.of("growthFitWeight", "goalCoverageWeight", "practicalFitWeight",
                        "languageShare", "timeZoneShare", "fieldShare", "loadBalancing", "minimumScore"));
                body = policy;
            }
            case "changeProgramSettings" -> {
                Map<String, Object> settings = new LinkedHashMap<>(read("/api/v1/program-settings"));
                settings.keySet().retainAll(List.of("mode", "nextRunAt", "objective", "threshold"));
                settings.values().removeIf(value -> value == null);
                body = settings;
            }
            case "startMatchingRun" -> body = Map.of("objective", "best-score", "threshold", 55, "dryRun", true);
            default -> {
                return defaults;
            }
        }
        return new BadInputs.Good(defaults.path(), Map.of("application/json", JSON.valueToTree(body)));
    }

    private static Map<String, Object> read(String path) {
        return given().auth().oauth2(Tokens.user("priya")).get(path).then().statusCode(200).extract().jsonPath()
                .getMap("$");
    }
}
