package dev.sparks.notification;

import static dev.sparks.notification.InvitationFlowTest.awaitNotification;
import static dev.sparks.notification.InvitationFlowTest.notifications;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.notification.support.Infra;
import dev.sparks.notification.support.Mailbox;
import dev.sparks.notification.support.MatchEvents;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The real SMTP server stopped for a while and started again: every invitation queued meanwhile arrives once. */
@QuarkusTest
class SmtpOutageTest {

    @Test
    void invitationsQueuedWhileTheSmtpServerIsDownArriveOnceItIsBack() {
        List<MatchProposedV1> proposals = new ArrayList<>();
        try {
            Infra.stop("greenmail");
            for (int i = 0; i < 3; i++) {
                MatchProposedV1 proposal = MatchEvents.proposal();
                proposals.add(proposal);
                MatchEvents.publish(proposal);
            }
            for (MatchProposedV1 proposal : proposals) {
                JsonNode retrying = awaitNotification(proposal.matchId(), "INVITATION",
                        n -> n.get("attempts").asInt() >= 2);
                assertThat(retrying.get("status").asText()).isEqualTo("PENDING");
                assertThat(retrying.get("lastError").asText()).isNotBlank();
            }
        } finally {
            Infra.start("greenmail");
        }
        for (MatchProposedV1 proposal : proposals) {
            Mailbox.await(proposal.participantEmail(), m -> true, 1, Duration.ofSeconds(60));
            Mailbox.await(proposal.mentorEmail(), m -> true, 1, Duration.ofSeconds(60));
        }
        Mailbox.sleep(4000); // a few more sender rounds: nothing may arrive twice
        for (MatchProposedV1 proposal : proposals) {
            assertThat(Mailbox.messages(proposal.participantEmail())).hasSize(1);
            assertThat(Mailbox.messages(proposal.mentorEmail())).hasSize(1);
            JsonNode sent = notifications("matchId=" + proposal.matchId() + "&kind=INVITATION").get(0);
            assertThat(sent.get("status").asText()).isEqualTo("SENT");
            assertThat(Mailbox.messages(proposal.participantEmail()).get(0).messageId())
                    .isEqualTo(sent.get("messageId").asText());
        }
    }
}
