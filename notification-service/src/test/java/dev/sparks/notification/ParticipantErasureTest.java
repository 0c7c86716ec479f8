package dev.sparks.notification;

import static dev.sparks.notification.InvitationFlowTest.WAIT;
import static dev.sparks.notification.InvitationFlowTest.awaitNotification;
import static dev.sparks.notification.InvitationFlowTest.notifications;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.events.MatchStatusChangedV1;
import dev.sparks.common.events.ParticipantErasedV1;
import dev.sparks.common.model.MatchStatus;
import dev.sparks.common.testing.PersonalDataScan;
import dev.sparks.notification.support.Mailbox;
import dev.sparks.notification.support.MatchEvents;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * participant.erased.v1 through the real broker into the real database, after a real invitation went out by SMTP:
 * the invitation is withdrawn and its mailed links stop working, the rows keep the mentor's side only, no text column
 * of any table still holds the participant's name or email, and match events about them that arrive afterwards
 * create no invitation and send no email.
 */
@QuarkusTest
class ParticipantErasureTest {

    /**
     * Only bounds a failing test. Generous because the test group resumes where it left off on the shared topics and
     * may first work through what other modules' tests and running platforms published meanwhile.
     */
    private static final Duration PATIENCE = Duration.ofMinutes(4);

    @Inject
    AgroalDataSource database;

    @Test
    void erasureWithdrawsTheInvitationAndNothingHereNamesThePersonOrMailsThemAgain() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String name = "Erin Erasmus" + run;
        MatchProposedV1 proposal = MatchEvents.proposal(name, "Maya Mentor", "Engineering manager.");
        List<String> personalData = List.of(name, proposal.participantEmail());
        MatchEvents.publish(proposal);
        Mailbox.Received invitationMail = Mailbox.await(proposal.participantEmail(), ParticipantErasureTest::fromHere,
                1, PATIENCE).get(0);
        assertThat(invitationMail.text()).contains(name);
        awaitNotification(proposal.matchId(), "MENTOR_NOTICE", n -> "SENT".equals(n.get("status").asText()));
        String link = invitationMail.acceptLink();
        given().accept("application/json").get(link).then().statusCode(200);
        // The scan finds what it looks for while it is there.
        assertThat(PersonalDataScan.findings(database, personalData)).contains(
                "invitation.participant_name: " + name, "notification.recipient_email: " + proposal.participantEmail(),
                "notification.details: " + name);

        UUID erasure = MatchEvents.publish(new ParticipantErasedV1(proposal.participantId(),
                List.of(ParticipantErasedV1.digest(proposal.participantId(), proposal.participantEmail())),
                Instant.now()));
        awaitApplied(erasure);

        Map<String, Object> invitation = row("select status, closed_by, participant_name, participant_email"
                + " from invitation where match_id = ?", proposal.matchId());
        assertThat(invitation).containsEntry("status", "WITHDRAWN").containsEntry("closed_by", "ERASURE")
                .containsEntry("participant_name", null).containsEntry("participant_email", null);
        // The link in the mail already sent now reveals nothing, as an unknown one.
        given().accept("application/json").get(link).then().statusCode(404);
        given().accept("text/html").get(link).then().statusCode(404);
        List<JsonNode> mails = notifications("matchId=" + proposal.matchId());
        assertThat(mails).extracting(n -> n.get("kind").asText() + " " + n.get("recipient").asText(null))
                .containsExactlyInAnyOrder("INVITATION null", "MENTOR_NOTICE " + proposal.mentorEmail());
        assertThat(PersonalDataScan.searchedColumns(database)).isGreaterThan(15);
        assertThat(PersonalDataScan.findings(database, personalData)).isEmpty();

        // Sent before the erasure, delivered after it: acceptances of the withdrawn match and of another match.
        UUID accepted = MatchEvents.publish(MatchEvents.statusChanged(proposal, MatchStatus.INVITED,
                MatchStatus.ACCEPTED));
        MatchProposedV1 later = MatchEvents.proposal(name, "Noah Mentor", "Another mentor.");
        UUID otherMatch = later.matchId();
        UUID otherAccepted = MatchEvents.publish(new MatchStatusChangedV1(otherMatch, proposal.participantId(), name,
                proposal.participantEmail(), later.mentorId(), later.mentorName(), later.mentorEmail(),
                MatchStatus.INVITED, MatchStatus.ACCEPTED, null, Instant.now()));
        awaitApplied(accepted);
        awaitApplied(otherAccepted);
        assertThat(notifications("matchId=" + proposal.matchId())).hasSize(2);
        assertThat(notifications("matchId=" + otherMatch)).isEmpty();
        assertThat(PersonalDataScan.findings(database, personalData)).isEmpty();
        assertThat(Mailbox.messages(proposal.participantEmail()).stream().filter(ParticipantErasureTest::fromHere))
                .hasSize(1);
    }

    @Test
    void aProposalThatArrivesAfterTheErasureCreatesNoInvitation() {
        MatchProposedV1 proposal = MatchEvents.proposal("Late Larkin " + UUID.randomUUID().toString().substring(0, 8),
                "Maya Mentor", "Engineering manager.");
        awaitApplied(MatchEvents.publish(new ParticipantErasedV1(proposal.participantId(), List.of(),
                Instant.now())));

        awaitApplied(MatchEvents.publish(proposal));

        assertThat(count("select count(*) from invitation where match_id = ?", proposal.matchId())).isZero();
        assertThat(notifications("matchId=" + proposal.matchId())).isEmpty();
        assertThat(PersonalDataScan.findings(database, List.of(proposal.participantName(),
                proposal.participantEmail()))).isEmpty();
    }

    // ---------------------------------------------------------------- helpers

    /**
     * Sent by the instance under test, whose links point at it: a platform running on the same broker and SMTP
     * server may mail the same test participant too.
     */
    private static boolean fromHere(Mailbox.Received mail) {
        return mail.text().contains(ConfigProvider.getConfig().getValue("sparks.notification.public-base-url",
                String.class) + "/");
    }

    /** Waits until the inbox recorded the event: its effect, if any, committed with it. */
    private void awaitApplied(UUID eventId) {
        until("event " + eventId + " applied",
                () -> count("select count(*) from processed_event where event_id = ?", eventId) == 1);
    }

    private static void until(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Not seen in " + PATIENCE + ": " + what);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private long count(String sql, UUID parameter) {
        return ((Number) row(sql, parameter).values().iterator().next()).longValue();
    }

    private Map<String, Object> row(String sql, UUID parameter) {
        try (Connection connection = database.getConnection();
                PreparedStatement query = connection.prepareStatement(sql)) {
            query.setObject(1, parameter);
            try (ResultSet result = query.executeQuery()) {
                assertThat(result.next()).as(sql).isTrue();
                Map<String, Object> row = new java.util.HashMap<>();
                for (int i = 1; i <= result.getMetaData().getColumnCount(); i++) {
                    row.put(result.getMetaData().getColumnName(i), result.getObject(i));
                }
                return row;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
