package dev.sparks.matching;

import static dev.sparks.matching.MatchingFlowTest.PATIENCE;
import static dev.sparks.matching.MatchingFlowTest.awaitMatch;
import static dev.sparks.matching.MatchingFlowTest.forMatch;
import static dev.sparks.matching.MatchingFlowTest.waiting;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.sparks.common.events.InvitationRespondedV1;
import dev.sparks.common.events.MatchStatusChangedV1;
import dev.sparks.common.events.ParticipantErasedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.model.MatchStatus;
import dev.sparks.common.testing.EventSchemas;
import dev.sparks.common.testing.PersonalDataScan;
import dev.sparks.common.testing.Tokens;
import dev.sparks.common.testing.TopicProbe;
import dev.sparks.matching.domain.Mentor;
import dev.sparks.matching.domain.MentorRepository;
import dev.sparks.matching.domain.Participant;
import dev.sparks.matching.domain.ParticipantRepository;
import dev.sparks.matching.testing.EventFeed;
import dev.sparks.matching.testing.Eventually;
import dev.sparks.matching.testing.TestEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * participant.erased.v1 through the real broker into the real database: the open match ends and gives its capacity
 * back, the status event names nobody, the free text goes, the waiting list and mentors' exclusions let go of the
 * person, no text column of any table still holds their name, email or external id, and a late completion or a
 * manual match cannot bring them back.
 */
@QuarkusTest
class ParticipantErasureTest {

    private static final Duration QUIET_PERIOD = Duration.ofSeconds(3);
    static EventFeed feed;

    @Inject
    MentorRepository mentors;

    @Inject
    ParticipantRepository participants;

    @Inject
    AgroalDataSource database;

    @BeforeAll
    static void connect() {
        feed = EventFeed.connect();
    }

    @AfterAll
    static void disconnect() {
        feed.close();
    }

    @Test
    void erasureEndsTheOpenMatchReleasesCapacityAndLeavesNoNameOrEmailAnywhere() throws Exception {
        try (TopicProbe matches = TopicProbe.fromNow(Topics.MATCHES)) {
            erasureEndsTheOpenMatch(matches);
        }
    }

    private void erasureEndsTheOpenMatch(TopicProbe matches) throws Exception {
        String language = TestEvents.uniqueLanguage();
        TestEvents.AssessmentDraft person = TestEvents.participant(language);
        TestEvents.MentorDraft first = TestEvents.mentor(language).strength(5);
        TestEvents.MentorDraft second = TestEvents.mentor(language).strength(4);
        TestEvents.MentorDraft excluding = TestEvents.mentor(language).strength(5)
                .exclusions(List.of(person.email(), person.externalId().toLowerCase(), "someone-else@sparks.test"));
        publishMentors(first, second, excluding);
        String declineReason = "I worked with this mentor before; " + person.name() + " would rather not.";
        List<String> personalData = List.of(person.name(), person.email(), person.externalId(), declineReason);

        feed.completed(person.event());
        UUID declined = UUID.fromString(awaitMatch(person.id, "PROPOSED").getString("id"));
        assertThat(awaitMatch(person.id, "PROPOSED").getString("mentor.id")).isEqualTo(first.id.toString());
        feed.invitationResponded(declined, person.id, InvitationRespondedV1.Answer.DECLINED, declineReason);
        JsonPath next = Eventually.until("the next proposal", () -> {
            JsonPath match = awaitMatch(person.id, "PROPOSED");
            return match.getString("id").equals(declined.toString()) ? null : match;
        }, PATIENCE);
        UUID open = UUID.fromString(next.getString("id"));
        assertThat(next.getString("mentor.id")).isEqualTo(second.id.toString());
        feed.invitationSent(open, person.id);
        awaitMatch(person.id, "INVITED");
        assertThat(reserved(second.id)).isEqualTo(1);
        // The scan finds what it looks for while it is there.
        assertThat(PersonalDataScan.findings(database, personalData)).contains(
                "participant.name: " + person.name(), "participant.email: " + person.email(),
                "match.decline_reason: " + declineReason, "mentor.exclusions: " + person.email());

        ParticipantErasedV1 erasure = erasureOf(person);
        UUID eventId = UUID.randomUUID();
        feed.erased(erasure, eventId);
        feed.erased(erasure, eventId); // redelivered: applied once

        ConsumerRecord<String, byte[]> ended = matches.await(endedEventOf(open), 1, PATIENCE).get(0);
        EventSchemas.assertValid(ended);
        MatchStatusChangedV1 change = EventFeed.JSON.readValue(ended.value(), MatchStatusChangedV1.class);
        assertThat(change.previousStatus()).isEqualTo(MatchStatus.INVITED);
        assertThat(change.status()).isEqualTo(MatchStatus.ENDED);
        assertThat(change.participantName()).isNull();
        assertThat(change.participantEmail()).isNull();
        assertThat(change.mentorId()).isEqualTo(second.id);
        assertThat(TopicProbe.value(ended)).doesNotContain(person.name(), person.email(), person.externalId());

        assertThat(reserved(second.id)).isZero();
        JsonPath endedMatch = match(open);
        assertThat(endedMatch.getString("status")).isEqualTo("ENDED");
        assertThat(endedMatch.getString("participant.name")).isNull();
        assertThat(endedMatch.getString("participant.email")).isNull();
        assertThat(match(declined).getString("declineReason")).isNull();
        assertThat(waiting(person.id)).isNull();
        assertThat(List.of(mentor(excluding.id).exclusions)).containsExactly("someone-else@sparks.test");

        // Every text-like column of every table, once the earlier events about the person have left the outbox.
        Eventually.until("the outbox relayed the events about " + person.id, () -> count(
                "select count(*) from outbox_event where payload::text like ?", "%" + person.id + "%") == 0,
                PATIENCE);
        assertThat(PersonalDataScan.searchedColumns(database)).isGreaterThan(20);
        assertThat(PersonalDataScan.findings(database, personalData)).isEmpty();

        // A completion sent before the erasure but delivered after it, and another erasure: nothing comes back,
        // nothing is sent twice.
        UUID late = feed.completed(person.event());
        UUID again = feed.erased(erasureOf(person), UUID.randomUUID());
        awaitApplied(late);
        awaitApplied(again);
        assertThat(QuarkusTransaction.requiringNew().call(() -> participants.findById(person.id)).email).isNull();
        assertThat(openMatches(person.id)).isZero();
        assertThat(matches.drain(endedEventOf(open), QUIET_PERIOD)).hasSize(1);
        assertThat(PersonalDataScan.findings(database, personalData)).isEmpty();

        // A program-admin cannot match the erased participant by hand either.
        given().auth().oauth2(Tokens.user("priya")).contentType("application/json")
                .body(Map.of("participantId", person.id, "mentorId", first.id,
                        "override", Map.of("reason", "try anyway")))
                .post("/api/v1/matches").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("erased"));
    }

    @Test
    void anErasureThatArrivesBeforeTheParticipantKeepsThemOut() {
        String language = TestEvents.uniqueLanguage();
        TestEvents.MentorDraft mentor = TestEvents.mentor(language);
        publishMentors(mentor);
        TestEvents.AssessmentDraft person = TestEvents.participant(language);

        awaitApplied(feed.erased(erasureOf(person), UUID.randomUUID()));
        awaitApplied(feed.completed(person.event()));

        assertThat(QuarkusTransaction.requiringNew().call(() -> participants.findById(person.id))).isNull();
        assertThat(waiting(person.id)).isNull();
        assertThat(reserved(mentor.id)).isZero();
        assertThat(PersonalDataScan.findings(database, List.of(person.name(), person.email()))).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    static Predicate<ConsumerRecord<String, byte[]>> endedEventOf(UUID matchId) {
        return record -> forMatch(matchId.toString(), MatchStatusChangedV1.TYPE).test(record)
                && "ENDED".equals(statusOf(record));
    }

    private static String statusOf(ConsumerRecord<String, byte[]> record) {
        try {
            return EventFeed.JSON.readTree(record.value()).path("status").asText();
        } catch (java.io.IOException e) {
            return null;
        }
    }

    static ParticipantErasedV1 erasureOf(TestEvents.AssessmentDraft person) {
        return new ParticipantErasedV1(person.id, List.of(ParticipantErasedV1.digest(person.id, person.email()),
                ParticipantErasedV1.digest(person.id, person.externalId())), Instant.now());
    }

    void publishMentors(TestEvents.MentorDraft... drafts) {
        for (TestEvents.MentorDraft draft : drafts) {
            feed.mentor(draft.event());
        }
        for (TestEvents.MentorDraft draft : drafts) {
            Eventually.until("mentor " + draft.id + " in the read model", () -> mentor(draft.id) != null, PATIENCE);
        }
    }

    Mentor mentor(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> mentors.findById(id));
    }

    int reserved(UUID mentorId) {
        return mentor(mentorId).reserved;
    }

    static JsonPath match(UUID id) {
        return given().auth().oauth2(Tokens.user("priya")).get("/api/v1/matches/{id}", id).then().statusCode(200)
                .extract().jsonPath();
    }

    long openMatches(UUID participantId) {
        return count("select count(*) from match where participant_id = ?::uuid"
                + " and status in ('PROPOSED', 'INVITED', 'ACCEPTED')", participantId.toString());
    }

    /** Waits until the inbox recorded the event: its effect, if any, committed with it. */
    void awaitApplied(UUID eventId) {
        Eventually.until("event " + eventId + " applied", () -> count(
                "select count(*) from processed_event where event_id = ?::uuid", eventId.toString()) == 1, PATIENCE);
    }

    long count(String sql, String parameter) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
