package dev.sparks.matching;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.sparks.common.events.InvitationRespondedV1;
import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.events.MatchStatusChangedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.EventSchemas;
import dev.sparks.common.testing.TopicProbe;
import dev.sparks.common.testing.Tokens;
import dev.sparks.matching.domain.Mentor;
import dev.sparks.matching.domain.MentorRepository;
import dev.sparks.matching.testing.EventFeed;
import dev.sparks.matching.testing.Eventually;
import dev.sparks.matching.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service against the real broker, database and OIDC provider: events in, matches and events out.
 * Every test uses its own language, ids and emails, so foreign events on the shared topics never interfere.
 */
@QuarkusTest
class MatchingFlowTest {

    /**
     * Only bounds a failing test. Generous because the service may first catch up with what other modules' tests
     * left on the shared topics (thousands of mentor profiles on a fresh consumer group).
     */
    static final Duration PATIENCE = Duration.ofMinutes(4);
    static EventFeed feed;

    @Inject
    MentorRepository mentors;

    @BeforeAll
    static void connect() {
        feed = EventFeed.connect();
    }

    @AfterAll
    static void disconnect() {
        feed.close();
    }

    @Test
    void completionProposesTheBestMentorWithExplanationAndEvent() throws IOException {
        String language = TestEvents.uniqueLanguage();
        TestEvents.MentorDraft best = TestEvents.mentor(language).strength(5);
        TestEvents.MentorDraft weaker = TestEvents.mentor(language).strength(3);
        publishMentors(best, weaker);
        TestEvents.AssessmentDraft participant = TestEvents.participant(language);

        try (TopicProbe matches = TopicProbe.fromNow(Topics.MATCHES)) {
            feed.completed(participant.event());
            JsonPath match = awaitMatch(participant.id, "PROPOSED");

            assertThat(match.getString("mentor.id")).isEqualTo(best.id.toString());
            assertThat(match.getString("mentor.email")).isEqualTo(best.email());
            assertThat(match.getString("participant.email")).isEqualTo(participant.email());
            assertThat(match.getDouble("score")).isGreaterThan(80.0);
            assertThat(match.getList("explanation.reasons", String.class)).hasSize(3)
                    .first().asString().contains("your top growth area");
            assertThat(match.getList("explanation.parts.name", String.class))
                    .containsExactly("growth fit", "goal coverage", "language", "time zone", "field");
            assertThat(match.getLong("policyVersion")).isPositive();

            String matchId = match.getString("id");
            ConsumerRecord<String, byte[]> record = matches.await(forMatch(matchId, MatchProposedV1.TYPE), 1, PATIENCE)
                    .get(0);
            assertThat(record.key()).isEqualTo(matchId);
            EventSchemas.assertValid(record);
            MatchProposedV1 event = EventFeed.JSON.readValue(record.value(), MatchProposedV1.class);
            assertThat(event.participantId()).isEqualTo(participant.id);
            assertThat(event.participantEmail()).isEqualTo(participant.email());
            assertThat(event.mentorId()).isEqualTo(best.id);
            assertThat(event.mentorName()).isEqualTo(best.name());
            assertThat(event.mentorBio()).isEqualTo("Bio of " + best.name());
            assertThat(event.score()).isEqualTo(match.getDouble("score"));
            assertThat(event.explanation().reasons()).hasSize(3);
            assertThat(event.expiresAt()).isAfter(event.proposedAt().plus(Duration.ofDays(6)));
        }
        assertThat(reserved(best.id)).isEqualTo(1);
    }

    @Test
    void theSameEventTwiceAndARetakeGiveOneMatch() {
        String language = TestEvents.uniqueLanguage();
        TestEvents.MentorDraft first = TestEvents.mentor(language).capacity(5);
        TestEvents.MentorDraft second = TestEvents.mentor(language).capacity(5);
        publishMentors(first, second);
        TestEvents.AssessmentDraft participant = TestEvents.participant(language);

        try (TopicProbe matches = TopicProbe.fromNow(Topics.MATCHES)) {
            var event = participant.event();
            UUID eventId = UUID.randomUUID();
            feed.completed(event, eventId);
            feed.completed(event, eventId);
            feed.completed(participant.event()); // a retake while the match is open keeps the match
            String matchId = awaitMatch(participant.id, "PROPOSED").getString("id");

            List<ConsumerRecord<String, byte[]>> proposed = matches.drain(
                    record -> TopicProbe.ofType(MatchProposedV1.TYPE).test(record)
                            && TopicProbe.value(record).contains(participant.id.toString()), Duration.ofSeconds(5));
            assertThat(proposed).hasSize(1);
            assertThat(proposed.get(0).key()).isEqualTo(matchId);
        }
        given().auth().oauth2(Tokens.user("priya")).queryParam("participantId", participant.id)
                .get("/api/v1/matches").then().statusCode(200).body("total", equalTo(1));
        assertThat(reserved(first.id) + reserved(second.id)).isEqualTo(1);
    }

    @Test
    void declineFreesTheMentorAndProposesTheNextBest() throws IOException {
        String language = TestEvents.uniqueLanguage();
        TestEvents.MentorDraft best = TestEvents.mentor(language).strength(5);
        TestEvents.MentorDraft next = TestEvents.mentor(language).strength(4);
        publishMentors(best, next);
        TestEvents.AssessmentDraft participant = TestEvents.participant(language).email("ada@sparks.test");

        try (TopicProbe matches = TopicProbe.fromNow(Topics.MATCHES)) {
            feed.completed(participant.event());
            String first = awaitMatch(participant.id, "PROPOSED").getString("id");

            given().auth().oauth2(Tokens.user("ada")).contentType("application/json")
                    .body(Map.of("reason", "We met before and it did not click"))
                    .post("/api/v1/matches/{id}/decline", first).then()
                    .statusCode(200)
                    .body("status", equalTo("DECLINED"))
                    .body("declineReason", equalTo("We met before and it did not click"));

            JsonPath proposal = awaitMatch(participant.id, "PROPOSED");
            assertThat(proposal.getString("id")).isNotEqualTo(first);
            assertThat(proposal.getString("mentor.id")).isEqualTo(next.id.toString());
            assertThat(reserved(best.id)).isZero();
            assertThat(reserved(next.id)).isEqualTo(1);

            ConsumerRecord<String, byte[]> declined = matches.await(forMatch(first, MatchStatusChangedV1.TYPE), 1,
                    PATIENCE).get(0);
            EventSchemas.assertValid(declined);
            MatchStatusChangedV1 changed = EventFeed.JSON.readValue(declined.value(), MatchStatusChangedV1.class);
            assertThat(changed.previousStatus().name()).isIn("PROPOSED", "INVITED");
            assertThat(changed.status().name()).isEqualTo("DECLINED");
            assertThat(changed.mentorEmail()).isEqualTo(best.email());
            assertThat(matches.await(forMatch(proposal.getString("id"), MatchProposedV1.TYPE), 1, PATIENCE)).hasSize(1);

            // a declined match cannot be accepted any more
            given().auth().oauth2(Tokens.user("ada")).post("/api/v1/matches/{id}/acceptance", first).then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("status", equalTo(409));
        }
    }

    @Test
    void invitationEventsMoveTheMatchAndTheMentorEndsIt() {
        String language = TestEvents.uniqueLanguage();
        TestEvents.MentorDraft mentor = TestEvents.mentor(language).email("maya@sparks.test");
        publishMentors(mentor);
        TestEvents.AssessmentDraft participant = TestEvents.participant(language);
        feed.completed(participant.event());
        UUID matchId = UUID.fromString(awaitMatch(participant.id, "PROPOSED").getString("id"));

        feed.invitationSent(matchId, participant.id);
        awaitMatch(participant.id, "INVITED");
        feed.invitationResponded(matchId, participant.id, InvitationRespondedV1.Answer.ACCEPTED, null);
        awaitMatch(participant.id, "ACCEPTED");
        assertThat(reserved(mentor.id)).isEqualTo(1);

        // the mentor sees their own match and ends it; the capacity comes back
        given().auth().oauth2(Tokens.user("maya")).get("/api/v1/matches/{id}", matchId).then()
                .statusCode(200).body("participant.id", equalTo(participant.id.toString()));
        given().auth().oauth2(Tokens.user("maya")).contentType("application/json")
                .body(Map.of("reason", "Goals reached")).post("/api/v1/matches/{id}/end", matchId).then()
                .statusCode(200).body("status", equalTo("ENDED"));
        assertThat(reserved(mentor.id)).isZero();
        given().auth().oauth2(Tokens.user("maya")).contentType("application/json").body(Map.of())
                .post("/api/v1/matches/{id}/end", matchId).then().statusCode(409);
    }

    @Test
    void expiryProposesTheNextMentor() {
        String language = TestEvents.uniqueLanguage();
        TestEvents.MentorDraft best = TestEvents.mentor(language).strength(5);
        TestEvents.MentorDraft next = TestEvents.mentor(language).strength(4);
        publishMentors(best, next);
        TestEvents.AssessmentDraft participant = TestEvents.participant(language);
        feed.completed(participant.event());
        UUID matchId = UUID.fromString(awaitMatch(participant.id, "PROPOSED").getString("id"));
        feed.invitationSent(matchId, participant.id);
        awaitMatch(participant.id, "INVITED");

        feed.invitationExpired(matchId, participant.id);

        Eventually.until("match " + matchId + " expired", () -> "EXPIRED".equals(given().auth()
                .oauth2(Tokens.user("priya")).get("/api/v1/matches/{id}", matchId).then().statusCode(200)
                .extract().jsonPath().getString("status")), PATIENCE);
        JsonPath proposal = awaitMatch(participant.id, "PROPOSED");
        assertThat(proposal.getString("id")).isNotEqualTo(matchId.toString());
        assertThat(proposal.getString("mentor.id")).isEqualTo(next.id.toString());
        assertThat(reserved(best.id)).isZero();
    }

    @Test
    void waitingParticipantIsMatchedWhenAFittingMentorArrives() {
        String language = TestEvents.uniqueLanguage();
        TestEvents.AssessmentDraft participant = TestEvents.participant(language);
        feed.completed(participant.event());

        String reason = Eventually.until("participant on the waiting list", () -> waiting(participant.id), PATIENCE)
                .getString("reason");
        assertThat(reason).containsAnyOf("fits yet", language);

        TestEvents.MentorDraft mentor = TestEvents.mentor(language);
        feed.mentor(mentor.event());

        JsonPath match = awaitMatch(participant.id, "PROPOSED");
        assertThat(match.getString("mentor.id")).isEqualTo(mentor.id.toString());
        Eventually.until("participant off the waiting list", () -> waiting(participant.id) == null, PATIENCE);
    }

    @Test
    void pausedAndRetiredMentorsGetNoNewMatchUntilThePauseEnds() {
        String language = TestEvents.uniqueLanguage();
        TestEvents.MentorDraft paused = TestEvents.mentor(language).paused(LocalDate.now().plusDays(30));
        TestEvents.MentorDraft retired = TestEvents.mentor(language).retired();
        publishMentors(paused);
        feed.mentor(retired.event());
        Eventually.until("retired mentor in the read model", () -> mentor(retired.id) != null, PATIENCE);
        TestEvents.AssessmentDraft participant = TestEvents.participant(language);
        feed.completed(participant.event());

        String reason = Eventually.until("participant waiting", () -> waiting(participant.id), PATIENCE)
                .getString("reason");
        assertThat(reason).contains("not taking new mentees");
        given().auth().oauth2(Tokens.user("priya")).queryParam("participantId", participant.id)
                .get("/api/v1/matches").then().statusCode(200).body("total", equalTo(0));

        // the pause is over: the mentor accepts again and the waiting participant is matched
        feed.mentor(paused.paused(LocalDate.now().minusDays(1)).version(2).event());
        assertThat(awaitMatch(participant.id, "PROPOSED").getString("mentor.id")).isEqualTo(paused.id.toString());
    }

    @Test
    void participantsAndMentorsSeeOnlyTheirOwnMatches() {
        String language = TestEvents.uniqueLanguage();
        TestEvents.MentorDraft mentor = TestEvents.mentor(language).email("maya@sparks.test");
        publishMentors(mentor);
        TestEvents.AssessmentDraft participant = TestEvents.participant(language).email("ada@sparks.test");
        feed.completed(participant.event());
        String matchId = awaitMatch(participant.id, "PROPOSED").getString("id");

        given().auth().oauth2(Tokens.user("ada")).get("/api/v1/matches/{id}", matchId).then().statusCode(200)
                .body("explanation.reasons", hasSize(3));
        given().auth().oauth2(Tokens.user("ben")).get("/api/v1/matches/{id}", matchId).then().statusCode(404)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("noah")).get("/api/v1/matches/{id}", matchId).then().statusCode(404);
        List<String> bensMatches = given().auth().oauth2(Tokens.user("ben")).queryParam("size", 200)
                .get("/api/v1/matches").then().statusCode(200).extract().jsonPath().getList("items.id");
        assertThat(bensMatches).doesNotContain(matchId);
        List<String> adasMatches = given().auth().oauth2(Tokens.user("ada"))
                .queryParam("participantId", participant.id).get("/api/v1/matches").then().statusCode(200)
                .extract().jsonPath().getList("items.id");
        assertThat(adasMatches).containsExactly(matchId);
        // the participant cannot decline someone else's match, nor can the mentor decline for them
        given().auth().oauth2(Tokens.user("ben")).contentType("application/json").body(Map.of("reason", "no"))
                .post("/api/v1/matches/{id}/decline", matchId).then().statusCode(404);
        given().auth().oauth2(Tokens.user("maya")).contentType("application/json").body(Map.of("reason", "no"))
                .post("/api/v1/matches/{id}/decline", matchId).then().statusCode(403);
        given().auth().oauth2(Tokens.user("ada")).contentType("application/json").body(Map.of())
                .post("/api/v1/matches/{id}/decline", matchId).then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.containsString("reason")));
        given().auth().oauth2(Tokens.user("ada")).get("/api/v1/waiting-list").then().statusCode(403);
        given().get("/api/v1/matches").then().statusCode(401);
    }

    // ---------------------------------------------------------------- helpers

    /** Publishes the mentors and waits until the read model holds them, so the next decision sees them all. */
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

    /**
     * The participant's match in the given status, as a program-admin sees it. "PROPOSED" also accepts INVITED:
     * a notification-service running elsewhere on the shared broker may invite any proposal at once.
     */
    static JsonPath awaitMatch(UUID participantId, String status) {
        Set<String> wanted = status.equals("PROPOSED") ? Set.of("PROPOSED", "INVITED") : Set.of(status);
        return Eventually.until("a " + status + " match of " + participantId, () -> {
            JsonPath page = given().auth().oauth2(Tokens.user("priya"))
                    .queryParam("participantId", participantId).queryParam("size", 200)
                    .get("/api/v1/matches").then().statusCode(200).extract().jsonPath();
            List<String> statuses = page.getList("items.status");
            for (int i = 0; i < statuses.size(); i++) {
                if (wanted.contains(statuses.get(i))) {
                    return given().auth().oauth2(Tokens.user("priya"))
                            .get("/api/v1/matches/{id}", page.getString("items[" + i + "].id")).then()
                            .statusCode(200).extract().jsonPath();
                }
            }
            return null;
        }, PATIENCE);
    }

    static JsonPath waiting(UUID participantId) {
        JsonPath page = given().auth().oauth2(Tokens.user("priya")).queryParam("size", 200)
                .get("/api/v1/waiting-list").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        for (int i = 0; i < items.size(); i++) {
            if (participantId.toString().equals(items.get(i).get("participantId"))) {
                return new JsonPath(EventFeed.JSON.valueToTree(items.get(i)).toString());
            }
        }
        long total = page.getLong("total");
        if (total > items.size()) {
            // foreign participants may fill the first page: look further
            for (int p = 1; p * 200L < total; p++) {
                List<Map<String, Object>> more = given().auth().oauth2(Tokens.user("priya")).queryParam("size", 200)
                        .queryParam("page", p).get("/api/v1/waiting-list").then().extract().jsonPath()
                        .getList("items");
                for (Map<String, Object> item : more) {
                    if (participantId.toString().equals(item.get("participantId"))) {
                        return new JsonPath(EventFeed.JSON.valueToTree(item).toString());
                    }
                }
            }
        }
        return null;
    }

    static Predicate<ConsumerRecord<String, byte[]>> forMatch(String matchId, String type) {
        return record -> matchId.equals(record.key()) && TopicProbe.ofType(type).test(record);
    }

}
