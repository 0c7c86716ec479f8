package dev.sparks.mentor.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparks.common.testing.ApiOperations;
import dev.sparks.common.testing.BadInputContract;
import dev.sparks.common.testing.BadInputs;
import io.quarkus.test.junit.QuarkusTest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Bad input to every operation, from the live OpenAPI document (see {@link BadInputContract}). Edits, patches and
 * retirements aim at a real mentor that only this test uses, so the bad input meets the profile rules and a wrongly
 * accepted case would show in its profile; creations and imports carry a new mentor per attempt.
 */
@QuarkusTest
class BadInputTest extends BadInputContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TARGET = "BADIN-" + UUID.randomUUID().toString().substring(0, 8);
    private static String targetId;

    @Override
    protected BadInputs.Good good(ApiOperations.Operation operation, String nonce) {
        BadInputs.Good defaults = super.good(operation, nonce);
        Map<String, String> path = new LinkedHashMap<>(defaults.path());
        String type = operation.jsonContentType().orElse("application/json");
        Object body;
        switch (operation.operationId()) {
            case "createMentor" -> body = profile("BAD-" + nonce, "bad-" + nonce + "@example.test", nonce);
            case "replaceMentor" -> {
                path.put("id", target());
                body = profile(TARGET, TARGET.toLowerCase() + "@example.test", nonce);
            }
            case "patchMentor" -> {
                path.put("id", target());
                Map<String, Object> patch = profile(TARGET, TARGET.toLowerCase() + "@example.test", nonce);
                patch.remove("externalId");
                patch.remove("email");
                body = patch;
            }
            case "retireMentor" -> {
                path.put("id", target());
                return new BadInputs.Good(path, Map.of());
            }
            case "setOwnAvailability" -> {
                OwnProfileTest.ensure("maya");
                body = Map.of("availability", "PAUSED", "pausedUntil", "2031-01-01");
            }
            case "importMentorsCsv" -> {
                String csv = "externalId,name,email,field,seniority,languages,timeZone,bio,offerings,capacity,"
                        + "availability,pausedUntil,exclusions,strength.SPEAK_UP\r\n"
                        + "CSV-" + nonce + ",Bad Input,csv-" + nonce + "@example.test,TECHNOLOGY,Director,en;sv,"
                        + "Europe/Stockholm,Leads teams,CAREER_ADVICE;NETWORKING,3,PAUSED,2031-01-01,HR-1,4\r\n";
                return new BadInputs.Good(path, Map.of(type, JSON.valueToTree(List.of(profile("IMP-" + nonce,
                        "imp-" + nonce + "@example.test", nonce)))), Map.of("text/csv", csv));
            }
            default -> {
                return defaults;
            }
        }
        return new BadInputs.Good(path, Map.of(type, JSON.valueToTree(body)));
    }

    /** A merge patch is any part of a profile: the document can only call it text. */
    @Override
    protected JsonNode bodySchema(ApiOperations.Operation operation, String contentType) {
        if (operation.operationId().equals("patchMentor")) {
            ObjectNode schema = (ObjectNode) ApiOperations.servedSchema("MentorRequest");
            schema.remove("required");
            return schema;
        }
        return super.bodySchema(operation, contentType);
    }

    @Override
    protected Set<String> reportingPerRow() {
        return Set.of("importMentorsCsv");
    }

    /** Every field set, so every field gets its bad values; unique by {@code nonce} where it must be. */
    private static Map<String, Object> profile(String externalId, String email, String nonce) {
        Map<String, Object> body = Profiles.profile(externalId, email);
        body.put("bio", "Bad input run " + nonce);
        body.put("availability", "PAUSED");
        body.put("pausedUntil", "2031-01-01");
        return body;
    }

    private static synchronized String target() {
        if (targetId == null) {
            targetId = MentorApiTest.createdId(Profiles.profile(TARGET, TARGET.toLowerCase() + "@example.test"));
        }
        return targetId;
    }
}
