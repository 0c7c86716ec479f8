package dev.sparks.assessment.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.events.AssessmentStartedV1;
import dev.sparks.common.events.ParticipantRegisteredV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.EventSchemas;
import dev.sparks.common.testing.RealmUsers;
import dev.sparks.common.testing.RealmUsers.RealmUser;
import dev.sparks.common.testing.Tokens;
import dev.sparks.common.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What the program report in matching-service learns from this service: participant.registered.v1 when someone
 * becomes known (an HR import or a first login) or HR changes their department, and assessment.started.v1 on every
 * start, read from the real topics and checked against their JSON Schemas.
 */
@QuarkusTest
class ProgramEventsTest {

    private static final String IMPORTS = "/api/v1/participants/imports";
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anImportRegistersNewPeopleAndADepartmentChangeRegistersThemAgain() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> grace = row("HR-" + run + "-1", "Grace Hopper", "grace." + run + "@example.test",
                "Finance " + run);
        Map<String, Object> alan = row("HR-" + run + "-2", "Alan Turing", "alan." + run + "@example.test", null);

        try (TopicProbe topic = TopicProbe.fromNow(Topics.PARTICIPANTS)) {
            JsonPath first = importAsHr(List.of(grace, alan));
            String graceId = first.getString("rows[0].participantId");
            String alanId = first.getString("rows[1].participantId");

            ConsumerRecord<String, byte[]> graceEvent = single(topic, registeredOf(graceId));
            ConsumerRecord<String, byte[]> alanEvent = single(topic, registeredOf(alanId));
            for (ConsumerRecord<String, byte[]> event : List.of(graceEvent, alanEvent)) {
                EventSchemas.assertValid(event);
                assertThat(TopicProbe.header(event, "ce_source")).isEqualTo("/sparks/assessment-service");
                assertThat(TopicProbe.value(event)).doesNotContain("example.test", "Grace", "Alan", "HR-" + run);
            }
            JsonNode graceRegistration = JSON.readTree(graceEvent.value());
            assertThat(graceRegistration.get("department").asText()).isEqualTo("Finance " + run);
            assertThat(JSON.readTree(alanEvent.value()).get("department").isNull()).isTrue();
            Instant registeredAt = Instant.parse(graceRegistration.get("registeredAt").asText());

            // the same file again, and a change that is not the department: nothing to tell
            importAsHr(List.of(grace, alan));
            grace.put("name", "Grace B. Hopper");
            assertThat(importAsHr(List.of(grace)).getString("rows[0].outcome")).isEqualTo("UPDATED");
            // the department changes: registered again, same registration time, the new department
            grace.put("department", "Research " + run);
            assertThat(importAsHr(List.of(grace)).getString("rows[0].outcome")).isEqualTo("UPDATED");

            List<ConsumerRecord<String, byte[]>> graceEvents = topic.await(registeredOf(graceId), 2, EVENT_WAIT);
            assertThat(graceEvents).hasSize(2);
            ConsumerRecord<String, byte[]> moved = graceEvents.get(1);
            EventSchemas.assertValid(moved);
            JsonNode movedPayload = JSON.readTree(moved.value());
            assertThat(movedPayload.get("department").asText()).isEqualTo("Research " + run);
            assertThat(Instant.parse(movedPayload.get("registeredAt").asText())).isEqualTo(registeredAt);
            assertThat(topic.drain(registeredOf(graceId).or(registeredOf(alanId)), QUIET_PERIOD)).hasSize(3);
        }
    }

    @Test
    void everyStartIsAnnouncedWithTheDepartmentAndAFirstLoginRegisters() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        try (RealmUser registered = RealmUsers.participant("Rita", "Registered" + run);
                RealmUser unknown = RealmUsers.participant("Walter", "Walkin" + run);
                TopicProbe participants = TopicProbe.fromNow(Topics.PARTICIPANTS);
                TopicProbe assessments = TopicProbe.fromNow(Topics.ASSESSMENTS)) {
            // HR sent Rita first: her login links to that record, so no second registration
            String ritaId = importAsHr(List.of(row("HR-" + run, registered.name(), registered.email(),
                    "Operations " + run))).getString("rows[0].participantId");
            String ritaAssessment = start(registered);
            ConsumerRecord<String, byte[]> ritaStarted = single(assessments, startedOf(ritaAssessment));
            EventSchemas.assertValid(ritaStarted);
            assertThat(ritaStarted.key()).isEqualTo(ritaId);
            assertThat(TopicProbe.header(ritaStarted, "ce_source")).isEqualTo("/sparks/assessment-service");
            JsonNode payload = JSON.readTree(ritaStarted.value());
            assertThat(payload.get("participantId").asText()).isEqualTo(ritaId);
            assertThat(payload.get("department").asText()).isEqualTo("Operations " + run);
            assertThat(payload.get("instrumentVersion").asText()).isEqualTo(AssessmentClient.V1.version());
            String startedAt = given().header("Authorization", "Bearer " + registered.token())
                    .get(AssessmentClient.ASSESSMENTS + "/" + ritaAssessment).then().statusCode(200)
                    .extract().path("startedAt");
            assertThat(Instant.parse(payload.get("startedAt").asText())).isEqualTo(Instant.parse(startedAt));

            // Walter logs in without HR: he is registered by that start, with no department
            String walterAssessment = start(unknown);
            ConsumerRecord<String, byte[]> walterStarted = single(assessments, startedOf(walterAssessment));
            EventSchemas.assertValid(walterStarted);
            String walterId = walterStarted.key();
            assertThat(JSON.readTree(walterStarted.value()).get("department").isNull()).isTrue();
            ConsumerRecord<String, byte[]> walterRegistered = single(participants, registeredOf(walterId));
            EventSchemas.assertValid(walterRegistered);
            JsonNode registration = JSON.readTree(walterRegistered.value());
            assertThat(registration.get("department").isNull()).isTrue();
            assertThat(TopicProbe.value(walterRegistered)).doesNotContain(unknown.email(), "Walter");

            assertThat(participants.drain(registeredOf(ritaId).or(registeredOf(walterId)), QUIET_PERIOD))
                    .as("Rita registered once (by HR), Walter once (by his login)").hasSize(2);
        }
    }

    private static String start(RealmUser user) {
        return given().header("Authorization", "Bearer " + user.token()).contentType("application/json")
                .post(AssessmentClient.ASSESSMENTS).then().statusCode(201).extract().path("id");
    }

    private static ConsumerRecord<String, byte[]> single(TopicProbe topic,
            Predicate<ConsumerRecord<String, byte[]>> filter) {
        List<ConsumerRecord<String, byte[]>> found = topic.await(filter, 1, EVENT_WAIT);
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Predicate<ConsumerRecord<String, byte[]>> registeredOf(String participantId) {
        return TopicProbe.ofType(ParticipantRegisteredV1.TYPE)
                .and(record -> participantId.equals(record.key()))
                .and(record -> participantId.equals(TopicProbe.header(record, "ce_subject")));
    }

    private static Predicate<ConsumerRecord<String, byte[]>> startedOf(String assessmentId) {
        return TopicProbe.ofType(AssessmentStartedV1.TYPE)
                .and(record -> assessmentId.equals(TopicProbe.header(record, "ce_subject")));
    }

    private static JsonPath importAsHr(List<Map<String, Object>> rows) {
        return given().header("Authorization", "Bearer " + Tokens.hrClient()).contentType("application/json")
                .body(Map.of("rows", rows)).post(IMPORTS).then().statusCode(200).extract().jsonPath();
    }

    private static Map<String, Object> row(String externalId, String name, String email, String department) {
        Map<String, Object> row = new HashMap<>();
        row.put("externalId", externalId);
        row.put("name", name);
        row.put("email", email);
        row.put("department", department);
        return row;
    }
}
