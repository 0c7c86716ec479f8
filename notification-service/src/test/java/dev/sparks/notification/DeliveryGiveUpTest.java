package dev.sparks.notification;

import static dev.sparks.notification.InvitationFlowTest.awaitNotification;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.testing.Tokens;
import dev.sparks.notification.support.Infra;
import dev.sparks.notification.support.Mailbox;
import dev.sparks.notification.support.MatchEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Retries used up: the email is FAILED, counted, kept, and an admin's resend delivers it once. */
@QuarkusTest
@TestProfile(DeliveryGiveUpTest.FewAttempts.class)
class DeliveryGiveUpTest {

    public static class FewAttempts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sparks.notification.delivery.max-attempts", "2");
        }
    }

    @Test
    void anEmailThatKeepsFailingIsKeptAsFailedAndCanBeResent() {
        MatchProposedV1 proposal = MatchEvents.proposal();
        double failedBefore = failedInvitations();
        JsonNode failed;
        try {
            Infra.stop("greenmail");
            MatchEvents.publish(proposal);
            failed = awaitNotification(proposal.matchId(), "INVITATION", n -> "FAILED".equals(n.get("status").asText()));
            assertThat(failed.get("attempts").asInt()).isEqualTo(2);
            assertThat(failed.get("lastError").asText()).isNotBlank();
            assertThat(failedInvitations()).isGreaterThanOrEqualTo(failedBefore + 1);
        } finally {
            Infra.start("greenmail");
        }
        Mailbox.sleep(2500); // the server is back, but nothing is retried behind the admin's back
        assertThat(Mailbox.messages(proposal.participantEmail())).isEmpty();

        given().auth().oauth2(Tokens.user("priya")).post("/api/v1/notifications/" + failed.get("id").asText()
                + "/resend").then().statusCode(202).body("status", equalTo("PENDING"));
        Mailbox.Received mail = Mailbox.await(proposal.participantEmail(), m -> true, 1, Duration.ofSeconds(30)).get(0);
        assertThat(mail.messageId()).isEqualTo(failed.get("messageId").asText());
        JsonNode sent = awaitNotification(proposal.matchId(), "INVITATION", n -> "SENT".equals(n.get("status").asText()));
        assertThat(sent.get("attempts").asInt()).isEqualTo(1);
        Mailbox.sleep(2000);
        assertThat(Mailbox.messages(proposal.participantEmail())).hasSize(1);
    }

    private static double failedInvitations() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher line = Pattern.compile("^sparks_notifications_failed_total\\{[^}]*kind=\"INVITATION\"[^}]*} ([0-9.E]+)$",
                Pattern.MULTILINE).matcher(metrics);
        assertThat(line.find()).as("the failed counter is exported").isTrue();
        return Double.parseDouble(line.group(1));
    }
}
