package dev.sparks.assessment.api;

import static dev.sparks.assessment.api.AssessmentClient.ASSESSMENTS;
import static dev.sparks.assessment.api.AssessmentClient.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;

import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.Tokens;
import dev.sparks.common.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Every bad input on Ben's assessment in progress is refused with the right problem+json status, stores nothing
 * (the assessment reads the same afterwards) and emits nothing (checked last, on the real topic).
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefusedRequestsTest {

    private TopicProbe probe;
    private String id;
    private String participantId;
    private Map<String, Object> before;

    @BeforeAll
    void openProbe() {
        probe = TopicProbe.fromNow(Topics.ASSESSMENTS);
    }

    @AfterAll
    void closeProbe() {
        probe.close();
    }

    @BeforeEach
    void benHasAnAssessmentInProgress() {
        id = AssessmentClient.inProgress("ben");
        as("ben").body(Map.of("answers", Map.of("fv-m-1", 3))).put(responses()).then().statusCode(200);
        before = AssessmentClient.get("ben", id).jsonPath().getMap("$");
        participantId = (String) before.get("participantId");
    }

    @Test
    void unknownItemIsRefused() {
        put("ben", "{\"answers\": {\"fv-m-2\": 4, \"no-such-item\": 3}}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors.field", equalTo(List.of("answers.no-such-item")));
        assertNothingStored();
    }

    @Test
    void valuesOffTheScaleAreRefused() {
        put("ben", "{\"answers\": {\"fv-m-2\": 4, \"ac-l-1\": 0, \"beh-init-1\": 6}}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("answers.ac-l-1", "answers.beh-init-1"))
                .body("errors.message", hasItem(containsString("from 1 to 5")));
        put("ben", "{\"answers\": {\"ac-l-1\": null}}").statusCode(400).body("errors.field", hasItem("answers.ac-l-1"));
        put("ben", "{\"answers\": {\"ac-l-1\": \"often\"}}").statusCode(400).contentType("application/problem+json");
        put("ben", "{\"answers\": {\"ac-l-1\": 4.5}}").statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("answers.ac-l-1"));
        assertNothingStored();
    }

    @Test
    void anotherInstrumentVersionIsRefused() {
        put("ben", "{\"version\": \"2019.1\", \"answers\": {\"fv-m-2\": 4}}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("version")));
        assertNothingStored();
    }

    @Test
    void malformedJsonIsRefused() {
        put("ben", "{\"answers\": {\"fv-m-2\": 4}, oops}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("title", equalTo("Malformed request"));
        put("ben", "{\"answers\": {\"fv-m-2\": 4,")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400));
        assertNothingStored();
    }

    @Test
    void unknownJsonFieldIsRefused() {
        put("ben", "{\"answers\": {\"fv-m-2\": 4}, \"mood\": \"happy\"}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("mood")));
        assertNothingStored();
    }

    @Test
    void invalidChoicesAreRefused() {
        String notes = "x".repeat(1001);
        put("ben", "{\"goals\": [\"NETWORKING\", \"NETWORKING\"], \"preferences\": {\"field\": \"TECHNOLOGY\","
                + " \"languages\": [\"en\", \"xx\"], \"timeZone\": \"Mars/Olympus\"}}")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("goals[1]", "preferences.languages[1]", "preferences.timeZone"));
        put("ben", "{\"preferences\": {\"notes\": \"" + notes + "\"}}")
                .statusCode(400)
                .body("errors.field", equalTo(List.of("preferences.notes")));
        put("ben", "{\"goals\": [\"WORLD_PEACE\"]}").statusCode(400).contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void someoneElsesAssessmentIsNotFound() {
        as("ada").get(ASSESSMENTS + "/" + id).then().statusCode(404).contentType("application/problem+json");
        as("ada").get(ASSESSMENTS + "/" + id + "/result").then().statusCode(404);
        put("ada", "{\"answers\": {\"fv-m-2\": 4}}").statusCode(404).contentType("application/problem+json");
        as("ada").post(ASSESSMENTS + "/" + id + "/completion").then().statusCode(404)
                .contentType("application/problem+json");
        as("ada").queryParam("participant", participantId).get(ASSESSMENTS).then().statusCode(403)
                .contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void missingTokenIsRefused() {
        given().contentType("application/json").body("{\"answers\": {\"fv-m-2\": 4}}").put(responses()).then()
                .statusCode(401).contentType("application/problem+json");
        given().post(ASSESSMENTS).then().statusCode(401).contentType("application/problem+json");
        given().get("/api/v1/instrument").then().statusCode(401).contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void wrongRoleIsRefused() {
        as("maya").post(ASSESSMENTS).then().statusCode(403).contentType("application/problem+json");
        as("priya").body("{\"answers\": {\"fv-m-2\": 4}}").put(responses()).then().statusCode(403)
                .contentType("application/problem+json");
        as("ben").body("{\"rows\": []}").post("/api/v1/participants/imports").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.hrClient()).get(ASSESSMENTS + "/" + id).then().statusCode(403)
                .contentType("application/problem+json");
        assertNothingStored();
    }

    @Test
    void incompleteAssessmentCannotBeCompleted() {
        as("ben").post(ASSESSMENTS + "/" + id + "/completion").then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("errors.field", hasItems("answers.ac-l-1", "answers.to-l-4", "goals", "preferences.field",
                        "preferences.languages", "preferences.timeZone"))
                .body("errors.field", org.hamcrest.Matchers.not(hasItem("answers.fv-m-1")));
        as("ben").get(ASSESSMENTS + "/" + id + "/result").then().statusCode(409);
        assertNothingStored();
    }

    @Test
    void secondStartIsAConflictNamingTheOneInProgress() {
        as("ben").post(ASSESSMENTS).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString(id));
        assertNothingStored();
    }

    @Test
    void badListingFiltersAreRefused() {
        as("ben").queryParam("status", "HALF_DONE").get(ASSESSMENTS).then().statusCode(400)
                .body("errors.field", equalTo(List.of("status")));
        as("ben").queryParam("size", 0).get(ASSESSMENTS).then().statusCode(400)
                .contentType("application/problem+json");
        as("ben").queryParam("participant", UUID.randomUUID()).get(ASSESSMENTS).then().statusCode(403);
    }

    @Test
    @Order(Integer.MAX_VALUE)
    void nothingWasEmittedForBen() {
        assertThat(probe.drain(TopicProbe.ofType(AssessmentCompletedV1.TYPE)
                .and(record -> participantId.equals(record.key())), Duration.ofSeconds(3))).isEmpty();
    }

    private ValidatableResponse put(String user, String body) {
        return as(user).body(body).put(responses()).then();
    }

    private String responses() {
        return ASSESSMENTS + "/" + id + "/responses";
    }

    private void assertNothingStored() {
        assertThat(AssessmentClient.get("ben", id).jsonPath().getMap("$")).isEqualTo(before);
    }
}
