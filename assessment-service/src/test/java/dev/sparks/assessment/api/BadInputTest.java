package dev.sparks.assessment.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.testing.ApiOperations;
import dev.sparks.common.testing.BadInputContract;
import dev.sparks.common.testing.BadInputs;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bad input to every operation, from the live OpenAPI document (see {@link BadInputContract}). Responses are saved
 * to Ada's real assessment in progress, so the bad input meets the instrument's own checks; imports carry a new
 * participant per attempt, so a wrongly accepted case would store a row.
 */
@QuarkusTest
class BadInputTest extends BadInputContract {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    protected BadInputs.Good good(ApiOperations.Operation operation, String nonce) {
        BadInputs.Good defaults = super.good(operation, nonce);
        Map<String, Object> body;
        Map<String, String> path = new LinkedHashMap<>(defaults.path());
        switch (operation.operationId()) {
            case "saveResponses" -> {
                path.put("id", AssessmentClient.inProgress("ada"));
                body = Map.of("version", AssessmentClient.V1.version(),
                        "answers", Map.of("fv-m-1", 3),
                        "goals", List.of("NETWORKING", "CAREER_ADVICE"),
                        "preferences", Map.of("field", "TECHNOLOGY", "languages", List.of("en", "de"),
                                "timeZone", "Europe/Berlin", "notes", "Bad input run " + nonce));
            }
            case "importParticipants" -> body = Map.of("rows", List.of(Map.of(
                    "externalId", "BAD-" + nonce, "name", "Bad Input " + nonce, "email", "bad-" + nonce + "@sparks.test",
                    "department", "Quality", "managerExternalId", "EMP-0007")));
            default -> {
                return defaults;
            }
        }
        return new BadInputs.Good(path, Map.of("application/json", JSON.valueToTree(body)));
    }

    @Override
    protected Set<String> reportingPerRow() {
        return Set.of("importParticipants");
    }
}
