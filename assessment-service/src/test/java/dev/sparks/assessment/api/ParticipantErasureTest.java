package dev.sparks.assessment.api;

import static dev.sparks.assessment.api.AssessmentClient.ASSESSMENTS;
import static dev.sparks.assessment.api.AssessmentClient.answers;
import static dev.sparks.assessment.api.AssessmentClient.as;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.events.ParticipantErasedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.EventSchemas;
import dev.sparks.common.testing.PersonalDataScan;
import dev.sparks.common.testing.RealmUsers;
import dev.sparks.common.testing.RealmUsers.RealmUser;
import dev.sparks.common.testing.Tokens;
import dev.sparks.common.testing.TopicProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Erasure against the real database, broker and OIDC provider. The person is a fresh realm user (the erasure refuses
 * their login for good, so the shared demo users are left alone), pre-registered by HR, with a completed assessment
 * whose notes name them and a second one in progress. Afterwards no text column of any table holds their name,
 * email or external id, the event tells the other services without naming them, and their token cannot bring them
 * back.
 */
@QuarkusTest
class ParticipantErasureTest {

    private static final String IMPORTS = "/api/v1/participants/imports";
    private static final String PARTICIPANTS = "/api/v1/participants/";
    private static final Duration EVENT_WAIT = Duration.ofSeconds(30);
    private static final Duration QUIET_PERIOD = Duration.ofSeconds(3);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules();

    @Inject
    AgroalDataSource database;

    @Test
    void erasureLeavesNoNameOrEmailInAnyTableAndTellsTheOtherServicesWithoutNamingThePerson() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String externalId = "HR-ERASE-" + run;
        try (RealmUser person = RealmUsers.participant("Erin", "Erasmus" + run);
                TopicProbe topic = TopicProbe.fromNow(Topics.PARTICIPANTS)) {
            List<String> personalData = List.of(person.name(), person.email(), externalId, "Erasmus" + run);
            String participantId = importAsHr(externalId, person, "Erasure Studies", "HR-MGR-" + run)
                    .getString("rows[0].participantId");

            String completed = withToken(person).post(ASSESSMENTS).then().statusCode(201).extract().path("id");
            answerAll(person, completed, "Please pair " + person.name() + " with someone patient.");
            withToken(person).post(ASSESSMENTS + "/" + completed + "/completion").then().statusCode(200);
            String inProgress = withToken(person).post(ASSESSMENTS).then().statusCode(201).extract().path("id");
            withToken(person).body(Map.of("answers", Map.of("fv-m-1", 4))).put(ASSESSMENTS + "/" + inProgress
                    + "/responses").then().statusCode(200);
            assertThat(AssessmentClient.get("priya", completed).jsonPath().getString("participantId"))
                    .isEqualTo(participantId);
            // The scan finds what it looks for while it is there.
            assertThat(PersonalDataScan.findings(database, personalData))
                    .contains("participant.name: " + person.name(), "participant.email: " + person.email(),
                            "participant.external_id: " + externalId, "assessment.preferences: " + person.name());

            as("priya").delete(PARTICIPANTS + participantId).then().statusCode(204);

            ConsumerRecord<String, byte[]> record = topic.await(erasedEventOf(participantId), 1, EVENT_WAIT).get(0);
            EventSchemas.assertValid(record);
            assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(participantId);
            assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/sparks/assessment-service");
            assertThat(TopicProbe.value(record).toLowerCase()).doesNotContain(person.email(), "erin", "erasmus",
                    externalId.toLowerCase());
            ParticipantErasedV1 event = JSON.readValue(record.value(), ParticipantErasedV1.class);
            assertThat(event.participantId()).hasToString(participantId);
            assertThat(event.identifies(person.email())).isTrue();
            assertThat(event.identifies(externalId)).isTrue();
            assertThat(event.identifierDigests()).hasSize(2);
            assertThat(event.erasedAt()).isNotNull();

            // What remains: an anonymous row that still counts in its department, and no assessment.
            Map<String, Object> row = participantRow(participantId);
            assertThat(row).containsEntry("name", null).containsEntry("email", null).containsEntry("subject", null)
                    .containsEntry("external_id", null).containsEntry("manager_external_id", null)
                    .containsEntry("department", "Erasure Studies");
            assertThat(row.get("erased_at")).isNotNull();
            assertThat((String) row.get("erased_subject_digest")).matches("[0-9a-f]{64}").isNotEqualTo(person.id());
            as("priya").get(ASSESSMENTS + "/" + completed).then().statusCode(404)
                    .contentType("application/problem+json");
            as("priya").get(ASSESSMENTS + "/" + inProgress).then().statusCode(404);
            as("priya").queryParam("participant", participantId).get(ASSESSMENTS).then().statusCode(200)
                    .body("total", equalTo(0));

            // Every text-like column of every table of the service's database.
            assertThat(PersonalDataScan.searchedColumns(database)).isGreaterThan(15);
            assertThat(PersonalDataScan.findings(database, personalData)).isEmpty();

            // The token from before the erasure (and any later one of the account) cannot bring them back.
            withToken(person).post(ASSESSMENTS).then().statusCode(403).contentType("application/problem+json")
                    .body("detail", containsString("erased"));
            withToken(person).get(PARTICIPANTS + "me/progress").then().statusCode(200)
                    .body("participantId", nullValue()).body("assessments", empty());
            withToken(person).get(ASSESSMENTS).then().statusCode(200).body("total", equalTo(0));
            assertThat(PersonalDataScan.findings(database, personalData)).isEmpty();

            // Erasing again changes nothing and tells nobody twice.
            as("priya").delete(PARTICIPANTS + participantId).then().statusCode(204);
            assertThat(topic.drain(erasedEventOf(participantId), QUIET_PERIOD)).hasSize(1);
            assertThat(participantRow(participantId).get("erased_at")).isEqualTo(row.get("erased_at"));

            // HR sending the person again registers someone new, unlinked to the erased record; the login stays refused.
            String again = importAsHr(externalId, person, "Erasure Studies", null).getString("rows[0].participantId");
            assertThat(again).isNotEqualTo(participantId);
            withToken(person).post(ASSESSMENTS).then().statusCode(403);
        }
    }

    @Test
    void aParticipantWhoNeverLoggedInIsErasedWithTheirHrRecord() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String name = "Hugo Registered" + run;
        String email = "hugo." + run + "@example.test";
        try (TopicProbe topic = TopicProbe.fromNow(Topics.PARTICIPANTS)) {
            JsonPath report = importAsHr(Map.of("externalId", "HR-ONLY-" + run, "name", name, "email", email,
                    "department", "Logistics"));
            String participantId = report.getString("rows[0].participantId");

            as("priya").delete(PARTICIPANTS + participantId).then().statusCode(204);

            ParticipantErasedV1 event = JSON.readValue(topic.await(erasedEventOf(participantId), 1, EVENT_WAIT)
                    .get(0).value(), ParticipantErasedV1.class);
            assertThat(event.identifies(email)).isTrue();
            assertThat(event.identifies("HR-ONLY-" + run)).isTrue();
            assertThat(participantRow(participantId)).containsEntry("erased_subject_digest", null)
                    .containsEntry("department", "Logistics");
            assertThat(PersonalDataScan.findings(database, List.of(name, email, "HR-ONLY-" + run))).isEmpty();
        }
    }

    @Test
    void onlyAProgramAdminMayEraseAndAnUnknownParticipantIs404() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String participantId = importAsHr(Map.of("externalId", "HR-KEPT-" + run, "name", "Kept " + run,
                "email", "kept." + run + "@example.test")).getString("rows[0].participantId");

        as("ada").delete(PARTICIPANTS + participantId).then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.hrClient()).delete(PARTICIPANTS + participantId).then().statusCode(403);
        given().delete(PARTICIPANTS + participantId).then().statusCode(401)
                .contentType("application/problem+json");
        assertThat(participantRow(participantId)).containsEntry("name", "Kept " + run)
                .containsEntry("erased_at", null);

        as("priya").delete(PARTICIPANTS + UUID.randomUUID()).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
        as("priya").delete(PARTICIPANTS + "not-a-participant-id").then().statusCode(404);
    }

    // ---------------------------------------------------------------- helpers

    private static RequestSpecification withToken(RealmUser person) {
        return given().auth().oauth2(person.token()).contentType("application/json");
    }

    private static void answerAll(RealmUser person, String assessmentId, String notes) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("answers", answers(i -> 1 + i % 5));
        body.put("goals", List.of("CAREER_ADVICE", "NETWORKING"));
        body.put("preferences", Map.of("field", "TECHNOLOGY", "languages", List.of("en"),
                "timeZone", "Europe/Berlin", "notes", notes));
        withToken(person).body(body).put(ASSESSMENTS + "/" + assessmentId + "/responses").then().statusCode(200);
    }

    private static JsonPath importAsHr(String externalId, RealmUser person, String department, String manager) {
        Map<String, Object> row = new HashMap<>();
        row.put("externalId", externalId);
        row.put("name", person.name());
        row.put("email", person.email());
        row.put("department", department);
        row.put("managerExternalId", manager);
        return importAsHr(row);
    }

    private static JsonPath importAsHr(Map<String, Object> row) {
        JsonPath report = given().auth().oauth2(Tokens.hrClient()).contentType("application/json")
                .body(Map.of("rows", List.of(row))).post(IMPORTS).then().statusCode(200).extract().jsonPath();
        assertThat(report.getString("rows[0].outcome")).isEqualTo("CREATED");
        return report;
    }

    private static Predicate<ConsumerRecord<String, byte[]>> erasedEventOf(String participantId) {
        return record -> participantId.equals(record.key())
                && TopicProbe.ofType(ParticipantErasedV1.TYPE).test(record);
    }

    private Map<String, Object> participantRow(String participantId) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement("select name, email, subject, external_id,"
                        + " manager_external_id, department, erased_at, erased_subject_digest from participant"
                        + " where id = ?")) {
            query.setObject(1, UUID.fromString(participantId));
            try (ResultSet result = query.executeQuery()) {
                assertThat(result.next()).as("participant row " + participantId).isTrue();
                Map<String, Object> row = new HashMap<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnName(i), result.getObject(i));
                }
                return row;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
