package dev.sparks.assessment.api;

import static dev.sparks.assessment.api.AssessmentClient.ASSESSMENTS;
import static dev.sparks.assessment.api.AssessmentClient.V1;
import static dev.sparks.assessment.api.AssessmentClient.answerAll;
import static dev.sparks.assessment.api.AssessmentClient.answers;
import static dev.sparks.assessment.api.AssessmentClient.as;
import static dev.sparks.assessment.api.AssessmentClient.choices;
import static dev.sparks.assessment.api.AssessmentClient.finishInProgress;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.model.Trait;
import dev.sparks.common.testing.EventSchemas;
import dev.sparks.common.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Ada's journey against the real database, broker and OIDC provider: start, save, complete, read, retake. */
@QuarkusTest
class AssessmentJourneyTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(3);

    @Test
    void participantStartsSavesInPartsCompletesAndReadsTheResult() throws Exception {
        finishInProgress("ada");

        String id = as("ada").post(ASSESSMENTS).then()
                .statusCode(201)
                .header("Location", containsString(ASSESSMENTS + "/"))
                .body("status", equalTo("IN_PROGRESS"))
                .body("instrumentVersion", equalTo(V1.version()))
                .body("answered", equalTo(0))
                .body("items", equalTo(V1.items().size()))
                .extract().path("id");
        String participantId = AssessmentClient.get("ada", id).path("participantId");

        as("ada").post(ASSESSMENTS).then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString(id));

        // First half of the items, then the rest with a changed mind on the first item, then the choices.
        Map<String, Integer> all = answers(i -> 1 + (i * 7) % 5);
        Map<String, Integer> firstHalf = new LinkedHashMap<>();
        Map<String, Integer> secondHalf = new LinkedHashMap<>();
        all.forEach((item, value) -> (firstHalf.size() < all.size() / 2 ? firstHalf : secondHalf).put(item, value));
        firstHalf.put("fv-m-1", 1);
        as("ada").body(Map.of("version", V1.version(), "answers", firstHalf)).put(ASSESSMENTS + "/" + id + "/responses")
                .then().statusCode(200).body("answered", equalTo(firstHalf.size()));
        secondHalf.put("fv-m-1", all.get("fv-m-1"));
        as("ada").body(Map.of("answers", secondHalf)).put(ASSESSMENTS + "/" + id + "/responses")
                .then().statusCode(200).body("answered", equalTo(all.size()));
        as("ada").body(choices()).put(ASSESSMENTS + "/" + id + "/responses").then().statusCode(200);

        JsonPath saved = AssessmentClient.get("ada", id).jsonPath();
        assertThat(saved.getMap("answers", String.class, Integer.class)).isEqualTo(all);
        assertThat(saved.getList("goals", String.class)).containsExactly("CAREER_ADVICE", "NETWORKING");
        assertThat(saved.getString("preferences.timeZone")).isEqualTo("Europe/Berlin");
        assertThat(saved.getList("preferences.languages", String.class)).containsExactly("en", "de");

        as("ada").get(ASSESSMENTS + "/" + id + "/result").then().statusCode(409)
                .contentType("application/problem+json");

        try (TopicProbe probe = TopicProbe.fromNow(Topics.ASSESSMENTS)) {
            JsonPath result = as("ada").post(ASSESSMENTS + "/" + id + "/completion").then()
                    .statusCode(200)
                    .body("assessmentId", equalTo(id))
                    .body("dimensions", hasSize(6))
                    .body("behaviours", hasSize(6))
                    .body("archetype.title", notNullValue())
                    .body("archetype.description", notNullValue())
                    .body("growthAreas", hasSize(5))
                    .body("growthAreas[0].rank", equalTo(1))
                    .body("growthAreas[0].reason", notNullValue())
                    .extract().jsonPath();
            assertThat(result.getMap("scores")).hasSize(Trait.values().length);

            List<ConsumerRecord<String, byte[]>> events = probe.await(completedEventOf(id), 1, EVENT_WAIT);
            assertThat(events).hasSize(1);
            ConsumerRecord<String, byte[]> event = events.get(0);
            assertThat(event.key()).isEqualTo(participantId);
            assertThat(TopicProbe.header(event, "ce_type")).isEqualTo(AssessmentCompletedV1.TYPE);
            assertThat(TopicProbe.header(event, "ce_source")).isEqualTo("/sparks/assessment-service");
            assertThat(TopicProbe.header(event, "ce_id")).isNotBlank();
            assertThat(TopicProbe.header(event, "ce_time")).isNotBlank();

            EventSchemas.assertValid(event);
            JsonNode payload = JSON.readTree(event.value());
            assertThat(payload.get("assessmentId").asText()).isEqualTo(id);
            assertThat(payload.get("participantId").asText()).isEqualTo(participantId);
            assertThat(payload.get("email").asText()).isEqualTo("ada@sparks.test");
            assertThat(payload.get("name").asText()).isNotBlank();
            assertThat(payload.get("instrumentVersion").asText()).isEqualTo(V1.version());
            assertThat(payload.get("scores").size()).isEqualTo(18);
            Map<String, Integer> eventScores = JSON.convertValue(payload.get("scores"), Map.class);
            assertThat(eventScores).isEqualTo(result.getMap("scores", String.class, Integer.class));
            assertThat(payload.get("archetype").asText()).isEqualTo(result.getString("archetype.code"));
            assertThat(payload.get("growthAreas")).hasSize(5);
            assertThat(payload.get("growthAreas").get(0).get("trait").asText())
                    .isEqualTo(result.getString("growthAreas[0].trait"));
            assertThat(payload.get("goals").get(0).asText()).isEqualTo("CAREER_ADVICE");
            assertThat(payload.get("preferences").get("field").asText()).isEqualTo("TECHNOLOGY");
            assertThat(Instant.parse(payload.get("completedAt").asText()))
                    .isEqualTo(Instant.parse(result.getString("completedAt")));

            // Completing again: the same stored result, and no second event.
            JsonPath again = as("ada").post(ASSESSMENTS + "/" + id + "/completion").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(again.getMap("$")).isEqualTo(result.getMap("$"));
            assertThat(probe.drain(completedEventOf(id), QUIET_PERIOD)).hasSize(1);

            JsonPath read = as("ada").get(ASSESSMENTS + "/" + id + "/result").then().statusCode(200)
                    .extract().jsonPath();
            assertThat(read.getMap("$")).isEqualTo(result.getMap("$"));
        }

        as("ada").body(Map.of("answers", Map.of("fv-m-1", 5))).put(ASSESSMENTS + "/" + id + "/responses").then()
                .statusCode(409).contentType("application/problem+json");
        assertThat(AssessmentClient.get("ada", id).jsonPath().getInt("answers.'fv-m-1'"))
                .isEqualTo(all.get("fv-m-1"));

        // A program admin reads it and finds it by participant and status.
        as("priya").get(ASSESSMENTS + "/" + id).then().statusCode(200).body("participantId", equalTo(participantId));
        as("priya").get(ASSESSMENTS + "/" + id + "/result").then().statusCode(200);
        as("priya").queryParam("participant", participantId).queryParam("status", "COMPLETED")
                .queryParam("size", 200).get(ASSESSMENTS).then()
                .statusCode(200)
                .body("items.id", hasItem(id))
                .body("page", equalTo(0));

        io.restassured.RestAssured.given().get("/q/metrics").then().statusCode(200)
                .body(containsString("sparks_assessments_started_total"))
                .body(containsString("sparks_assessments_completed_total"));
    }

    @Test
    void retakeKeepsTheHistoryAndProgressShowsHowScoresMoved() {
        finishInProgress("ada");
        String first = completeWith(i -> 2);
        String second = completeWith(i -> 4);

        as("ada").queryParam("status", "COMPLETED").queryParam("size", 200).get(ASSESSMENTS).then()
                .statusCode(200).body("items.id", hasItem(first)).body("items.id", hasItem(second));

        JsonPath progress = as("ada").get("/api/v1/participants/me/progress").then().statusCode(200)
                .extract().jsonPath();
        List<String> ids = progress.getList("assessments.assessmentId", String.class);
        assertThat(ids).containsSubsequence(first, second);
        assertThat(ids.get(ids.size() - 1)).isEqualTo(second);
        int last = ids.size() - 1;
        Map<String, Integer> before = progress.getMap("assessments[" + (last - 1) + "].scores", String.class,
                Integer.class);
        Map<String, Integer> after = progress.getMap("assessments[" + last + "].scores", String.class, Integer.class);
        Map<String, Integer> change = progress.getMap("assessments[" + last + "].change", String.class,
                Integer.class);
        assertThat(change).hasSize(18);
        change.forEach((trait, delta) -> assertThat(delta).as(trait).isEqualTo(after.get(trait) - before.get(trait)));
        assertThat(change.values()).anyMatch(delta -> delta != 0);
        assertThat(progress.getMap("assessments[0].change")).isEmpty();
        assertThat(progress.getString("assessments[" + last + "].archetype")).isNotBlank();
    }

    @Test
    void simultaneousCompletionsEmitOneEvent() throws Exception {
        finishInProgress("ada");
        String id = as("ada").post(ASSESSMENTS).then().statusCode(201).extract().path("id");
        answerAll("ada", id, i -> 1 + i % 5);
        try (TopicProbe probe = TopicProbe.fromNow(Topics.ASSESSMENTS)) {
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                Callable<String> complete = () -> as("ada").post(ASSESSMENTS + "/" + id + "/completion").then()
                        .statusCode(200).extract().path("completedAt");
                List<Future<String>> answers = new ArrayList<>();
                for (int i = 0; i < 4; i++) {
                    answers.add(pool.submit(complete));
                }
                Set<String> completedAt = new java.util.HashSet<>();
                for (Future<String> answer : answers) {
                    completedAt.add(answer.get());
                }
                assertThat(completedAt).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
            assertThat(probe.await(completedEventOf(id), 1, EVENT_WAIT)).hasSize(1);
            assertThat(probe.drain(completedEventOf(id), QUIET_PERIOD)).hasSize(1);
        }
    }

    private static String completeWith(java.util.function.IntUnaryOperator values) {
        String id = as("ada").post(ASSESSMENTS).then().statusCode(201).extract().path("id");
        answerAll("ada", id, values);
        as("ada").post(ASSESSMENTS + "/" + id + "/completion").then().statusCode(200);
        return id;
    }

    private static Predicate<ConsumerRecord<String, byte[]>> completedEventOf(String assessmentId) {
        return TopicProbe.ofType(AssessmentCompletedV1.TYPE)
                .and(record -> assessmentId.equals(TopicProbe.header(record, "ce_subject")));
    }
}
