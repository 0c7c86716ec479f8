package dev.sparks.matching;

import static dev.sparks.matching.MatchingFlowTest.PATIENCE;
import static dev.sparks.matching.MatchingFlowTest.awaitMatch;
import static dev.sparks.matching.MatchingFlowTest.waiting;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.sparks.common.testing.Tokens;
import dev.sparks.matching.testing.EventFeed;
import dev.sparks.matching.testing.Eventually;
import dev.sparks.matching.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Three declines lead to the manual queue, a program-admin's manual match, and the matching policy API. */
@QuarkusTest
class ManualMatchingAndPolicyTest {

    static EventFeed feed;

    @BeforeAll
    static void connect() {
        feed = EventFeed.connect();
    }

    @AfterAll
    static void disconnect() {
        feed.close();
    }

    @Test
    void threeDeclinesSendTheParticipantToTheManualQueueWhereAnAdminMatchesByHand() {
        String language = TestEvents.uniqueLanguage();
        TestEvents.MentorDraft[] mentors = {TestEvents.mentor(language).strength(5),
                TestEvents.mentor(language).strength(4), TestEvents.mentor(language).strength(4),
                TestEvents.mentor(language).strength(3)};
        for (TestEvents.MentorDraft mentor : mentors) {
            feed.mentor(mentor.event());
        }
        TestEvents.MentorDraft foreign = TestEvents.mentor(TestEvents.uniqueLanguage());
        feed.mentor(foreign.event());
        TestEvents.AssessmentDraft participant = TestEvents.participant(language).email("ada@sparks.test");
        feed.completed(participant.event());

        Set<String> declined = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            JsonPath match = awaitMatch(participant.id, "PROPOSED");
            assertThat(declined).doesNotContain(match.getString("mentor.id"));
            declined.add(match.getString("mentor.id"));
            given().auth().oauth2(Tokens.user("ada")).contentType("application/json")
                    .body(Map.of("reason", "not the right person")).post("/api/v1/matches/{id}/decline",
                            match.getString("id")).then().statusCode(200);
        }

        JsonPath entry = Eventually.until("participant in the manual queue", () -> {
            JsonPath row = waiting(participant.id);
            return row != null && "MANUAL".equals(row.getString("status")) ? row : null;
        }, PATIENCE);
        assertThat(entry.getString("reason")).contains("Declined 3");
        for (String open : new String[] {"PROPOSED", "INVITED"}) {
            given().auth().oauth2(Tokens.user("priya")).queryParam("participantId", participant.id)
                    .queryParam("status", open).get("/api/v1/matches").then().body("total", equalTo(0));
        }

        // a mentor who shares no language breaks a hard rule: refused without an override, recorded with one
        Eventually.until("foreign mentor known", () -> given().auth().oauth2(Tokens.user("priya"))
                .contentType("application/json")
                .body(Map.of("participantId", participant.id, "mentorId", foreign.id))
                .post("/api/v1/matches").then().extract().statusCode() == 422, PATIENCE);
        Map<String, Object> body = new HashMap<>();
        body.put("participantId", participant.id);
        body.put("mentorId", foreign.id);
        body.put("override", Map.of("reason", "They share English at work"));
        JsonPath manual = given().auth().oauth2(Tokens.user("priya")).contentType("application/json").body(body)
                .post("/api/v1/matches").then().statusCode(201)
                .body("status", equalTo("PROPOSED"))
                .body("createdBy", equalTo("priya"))
                .body("policyVersion", org.hamcrest.Matchers.notNullValue())
                .extract().jsonPath();
        assertThat(manual.getString("overrideReason")).contains("They share English at work")
                .contains("NO_COMMON_LANGUAGE");
        assertThat(waiting(participant.id)).isNull();

        // only one open match per participant
        body.put("mentorId", mentors[3].id);
        given().auth().oauth2(Tokens.user("priya")).contentType("application/json").body(body)
                .post("/api/v1/matches").then().statusCode(409);
        given().auth().oauth2(Tokens.user("ada")).contentType("application/json").body(body)
                .post("/api/v1/matches").then().statusCode(403);
    }

    @Test
    void policyIsReadValidatedAndVersioned() {
        JsonPath current = given().auth().oauth2(Tokens.user("priya")).get("/api/v1/matching-policy").then()
                .statusCode(200).extract().jsonPath();
        long version = current.getLong("version");
        assertThat(current.getInt("growthFitWeight") + current.getInt("goalCoverageWeight")
                + current.getInt("practicalFitWeight")).isEqualTo(100);

        Map<String, Object> invalid = policy(current);
        invalid.put("growthFitWeight", 50);
        invalid.put("minimumScore", 120);
        given().auth().oauth2(Tokens.user("priya")).contentType("application/json").body(invalid)
                .put("/api/v1/matching-policy").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("weights"))
                .body("errors.field", hasItem("minimumScore"));

        // the same weights again: a new version that changes no score for the other tests
        long next = given().auth().oauth2(Tokens.user("priya")).contentType("application/json")
                .header("If-Match", "\"" + version + "\"").body(policy(current))
                .put("/api/v1/matching-policy").then().statusCode(200)
                .header("ETag", "\"" + (version + 1) + "\"")
                .body("createdBy", equalTo("priya"))
                .extract().jsonPath().getLong("version");
        assertThat(next).isEqualTo(version + 1);
        given().auth().oauth2(Tokens.user("priya")).contentType("application/json")
                .header("If-Match", "\"" + version + "\"").body(policy(current))
                .put("/api/v1/matching-policy").then().statusCode(412);
        given().auth().oauth2(Tokens.user("ada")).get("/api/v1/matching-policy").then().statusCode(403);
    }

    private static Map<String, Object> policy(JsonPath current) {
        Map<String, Object> body = new HashMap<>();
        for (String field : new String[] {"growthFitWeight", "goalCoverageWeight", "practicalFitWeight",
                "languageShare", "timeZoneShare", "fieldShare", "loadBalancing", "minimumScore"}) {
            body.put(field, current.getInt(field));
        }
        return body;
    }
}
