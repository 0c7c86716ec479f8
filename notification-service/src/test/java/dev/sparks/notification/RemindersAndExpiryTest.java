package dev.sparks.notification;

import static dev.sparks.notification.InvitationFlowTest.of;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.sparks.common.events.InvitationExpiredV1;
import dev.sparks.common.events.InvitationRespondedV1;
import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.EventSchemas;
import dev.sparks.common.testing.TopicProbe;
import dev.sparks.notification.support.Mailbox;
import dev.sparks.notification.support.MatchEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The reminder and the expiry, with the invitation's clocks shortened to seconds by configuration: long enough that
 * a test answers well before the reminder is due even on a busy machine, short enough to watch both happen.
 */
@QuarkusTest
@TestProfile(RemindersAndExpiryTest.ShortClocks.class)
class RemindersAndExpiryTest {

    public static class ShortClocks implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "sparks.notification.invitation.reminder-after", "20s",
                    "sparks.notification.invitation.validity", "30s",
                    "sparks.notification.invitation.poll-interval", "1s");
        }
    }

    static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void anUnansweredInvitationIsRemindedOnceThenExpires() {
        MatchProposedV1 proposal = MatchEvents.proposal();
        try (TopicProbe invitations = TopicProbe.fromNow(Topics.INVITATIONS)) {
            MatchEvents.publish(proposal);
            Mailbox.await(proposal.participantEmail(), Mailbox.subjectContains("would like to mentor you"), 1, WAIT);
            String reminderLink = Mailbox.await(proposal.participantEmail(), Mailbox.subjectContains("Reminder"), 1,
                    WAIT).get(0).acceptLink();

            invitations.await(of(InvitationExpiredV1.TYPE, proposal.matchId()), 1, WAIT)
                    .forEach(EventSchemas::assertValid);
            assertThat(invitations.drain(of(InvitationExpiredV1.TYPE, proposal.matchId()), Duration.ofSeconds(3)))
                    .hasSize(1);
            assertThat(Mailbox.messages(proposal.participantEmail()).stream()
                    .filter(Mailbox.subjectContains("Reminder"))).hasSize(1);

            String page = reminderLink.substring(0, reminderLink.indexOf('?'));
            given().accept("text/html").get(page).then().statusCode(410)
                    .body(containsString("Invitation expired")).body(containsString("can no longer be answered"));
            given().contentType("application/json").accept("application/json").body("{}")
                    .post(page + "/acceptance").then().statusCode(410).contentType("application/problem+json");
            assertThat(invitations.drain(of(InvitationRespondedV1.TYPE, proposal.matchId()), Duration.ofSeconds(2)))
                    .isEmpty();
        }
    }

    @Test
    void anAnsweredInvitationGetsNoReminderAndDoesNotExpire() {
        MatchProposedV1 proposal = MatchEvents.proposal();
        try (TopicProbe invitations = TopicProbe.fromNow(Topics.INVITATIONS)) {
            MatchEvents.publish(proposal);
            String link = Mailbox.await(proposal.participantEmail(), m -> true, 1, WAIT).get(0).acceptLink();
            given().contentType("application/json").accept("application/json").body("{}")
                    .post(link.substring(0, link.indexOf('?')) + "/acceptance").then().statusCode(200);

            // longer than validity (and so than reminder-after) from the invitation's creation
            assertThat(invitations.drain(of(InvitationExpiredV1.TYPE, proposal.matchId()), Duration.ofSeconds(35)))
                    .isEmpty();
            assertThat(Mailbox.messages(proposal.participantEmail())).hasSize(1);
        }
    }
}
