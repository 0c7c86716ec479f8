package dev.sparks.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.events.InvitationRespondedV1;
import dev.sparks.common.events.InvitationSentV1;
import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.model.MatchStatus;
import dev.sparks.common.testing.EventSchemas;
import dev.sparks.common.testing.Tokens;
import dev.sparks.common.testing.TopicProbe;
import dev.sparks.notification.support.Mailbox;
import dev.sparks.notification.support.Mailbox.Received;
import dev.sparks.notification.support.MatchEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The invitation from event to inbox to answer, against the real broker, database, SMTP server and OIDC provider.
 * Every test uses its own match and addresses, so foreign events on the shared topics do not matter.
 */
@QuarkusTest
class InvitationFlowTest {

    static final Duration WAIT = Duration.ofSeconds(30);
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void proposalBecomesExactlyOneInvitationWithEscapedTextAndStableMessageId() throws Exception {
        MatchProposedV1 proposal = MatchEvents.proposal("<script>alert(1)</script> Ada", "Maya <b>Mentor</b>",
                "Bio with <img src=x onerror=alert(2)> & more");
        try (TopicProbe invitations = TopicProbe.fromNow(Topics.INVITATIONS)) {
            MatchEvents.publish(proposal);

            Received mail = Mailbox.await(proposal.participantEmail(), m -> true, 1, WAIT).get(0);
            assertThat(mail.subject()).contains("would like to mentor you");
            String html = mail.html();
            assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt; Ada")
                    .contains("Maya &lt;b&gt;Mentor&lt;/b&gt;")
                    .contains("&lt;img src=x onerror=alert(2)&gt; &amp; more")
                    .doesNotContain("<script>").doesNotContain("<img").doesNotContain("<b>Mentor");
            String text = mail.text();
            assertThat(text).contains("<script>alert(1)</script> Ada, Maya <b>Mentor</b> would like to mentor you")
                    .contains("Bio with <img src=x onerror=alert(2)> & more")
                    .contains("Strong where you want to grow: Communication")
                    .doesNotContain("&lt;").doesNotContain("&amp;");
            assertThat(mail.acceptLinkInHtml()).isEqualTo(mail.acceptLink());

            JsonNode notification = notifications("matchId=" + proposal.matchId() + "&kind=INVITATION").get(0);
            String messageId = notification.get("messageId").asText();
            assertThat(messageId).isEqualTo("<" + notification.get("id").asText() + "@sparks.notification>");
            assertThat(mail.header("Message-ID")).isEqualTo(messageId);

            Received notice = Mailbox.await(proposal.mentorEmail(), m -> true, 1, WAIT).get(0);
            assertThat(notice.subject()).contains("proposed as the mentor of");
            assertThat(notice.html()).contains("&lt;script&gt;").doesNotContain("<script>");

            List<ConsumerRecord<String, byte[]>> sent = invitations.await(
                    of(InvitationSentV1.TYPE, proposal.matchId()), 1, WAIT);
            assertThat(sent).hasSize(1);
            EventSchemas.assertValid(sent.get(0));
            JsonNode event = JSON.readTree(sent.get(0).value());
            assertThat(event.get("messageId").asText()).isEqualTo(messageId);
            assertThat(event.get("participantId").asText()).isEqualTo(proposal.participantId().toString());
            assertThat(Mailbox.messages(proposal.participantEmail())).hasSize(1);
        }
    }

    @Test
    void followingTheMailedAcceptLinkRecordsTheAnswerOnceAndEmitsTheEvent() throws Exception {
        MatchProposedV1 proposal = MatchEvents.proposal();
        try (TopicProbe invitations = TopicProbe.fromNow(Topics.INVITATIONS)) {
            MatchEvents.publish(proposal);
            String link = Mailbox.await(proposal.participantEmail(), m -> true, 1, WAIT).get(0).acceptLink();

            Response page = given().accept("text/html").get(link);
            page.then().statusCode(200).contentType(containsString("text/html"))
                    .header("Cache-Control", "no-store").header("Referrer-Policy", "same-origin")
                    .body(containsString("<html lang=\"en\">"))
                    .body(containsString("Maya Mentor"))
                    .body(containsString("Engineering manager who loves helping people grow."))
                    .body(containsString("Strong where you want to grow: Communication"))
                    .body(containsString("Accept the invitation"));
            String action = formAction(page.asString(), "acceptance");
            URI accept = URI.create(link).resolve(action);

            Response answered = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .body("").post(accept);
            answered.then().statusCode(303);
            given().accept("text/html").get(answered.header("Location")).then().statusCode(200)
                    .body(containsString("Invitation accepted"))
                    .body(containsString("You accepted the invitation to be mentored by Maya Mentor"));

            List<ConsumerRecord<String, byte[]>> responded = invitations.await(
                    of(InvitationRespondedV1.TYPE, proposal.matchId()), 1, WAIT);
            EventSchemas.assertValid(responded.get(0));
            JsonNode event = JSON.readTree(responded.get(0).value());
            assertThat(event.get("answer").asText()).isEqualTo("ACCEPTED");
            assertThat(event.get("participantId").asText()).isEqualTo(proposal.participantId().toString());
            assertThat(TopicProbe.header(responded.get(0), "ce_source")).isEqualTo("/sparks/notification-service");

            // Answering twice shows the same outcome and emits nothing more.
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded").body("").post(accept)
                    .then().statusCode(303);
            given().contentType("application/json").accept("application/json").body("{}").post(accept)
                    .then().statusCode(200).body("status", equalTo("ACCEPTED"));
            given().contentType("application/json").accept("application/json").body("{}")
                    .post(accept.resolve("decline"))
                    .then().statusCode(409).contentType("application/problem+json");
            given().accept("text/html").get(link).then().statusCode(200).body(containsString("Invitation accepted"))
                    .body(not(containsString("<form")));
            assertThat(invitations.drain(of(InvitationRespondedV1.TYPE, proposal.matchId()), Duration.ofSeconds(3)))
                    .hasSize(1);
        }
    }

    @Test
    void declineWithAReasonIsRecordedOnceAndTheReasonIsShownEscaped() throws Exception {
        MatchProposedV1 proposal = MatchEvents.proposal();
        try (TopicProbe invitations = TopicProbe.fromNow(Topics.INVITATIONS)) {
            MatchEvents.publish(proposal);
            String link = Mailbox.await(proposal.participantEmail(), m -> true, 1, WAIT).get(0).declineLink();
            String base = link.substring(0, link.indexOf('?'));

            given().contentType("application/json").accept("application/json")
                    .body("{\"reason\":\"<b>Not now</b>, maybe next term\"}").post(base + "/decline")
                    .then().statusCode(200).body("status", equalTo("DECLINED"))
                    .body("mentorName", equalTo("Maya Mentor"));
            given().contentType("application/json").accept("application/json").body("{\"reason\":\"again\"}")
                    .post(base + "/decline").then().statusCode(200).body("status", equalTo("DECLINED"));
            given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                    .formParam("reason", "a third time").post(base + "/decline").then().statusCode(303);
            given().accept("text/html").get(base).then().statusCode(200)
                    .body(containsString("Invitation declined"))
                    .body(containsString("&lt;b&gt;Not now&lt;/b&gt;, maybe next term"));

            List<ConsumerRecord<String, byte[]>> responded = invitations.drain(
                    of(InvitationRespondedV1.TYPE, proposal.matchId()), Duration.ofSeconds(4));
            assertThat(responded).hasSize(1);
            JsonNode event = JSON.readTree(responded.get(0).value());
            assertThat(event.get("answer").asText()).isEqualTo("DECLINED");
            assertThat(event.get("reason").asText()).isEqualTo("<b>Not now</b>, maybe next term");
        }
    }

    @Test
    void unknownAndTamperedTokensRevealNothing() {
        MatchProposedV1 proposal = MatchEvents.proposal();
        try (TopicProbe invitations = TopicProbe.fromNow(Topics.INVITATIONS)) {
            MatchEvents.publish(proposal);
            String link = Mailbox.await(proposal.participantEmail(), m -> true, 1, WAIT).get(0).acceptLink();
            String base = link.substring(0, link.indexOf('?'));
            String token = base.substring(base.lastIndexOf('/') + 1);
            char last = token.charAt(10);
            String tampered = base.substring(0, base.lastIndexOf('/') + 1) + token.substring(0, 10)
                    + (last == 'A' ? 'B' : 'A') + token.substring(11);

            for (String wrong : List.of(tampered, "/api/v1/invitations/not-a-token", "/api/v1/invitations/"
                    + "A".repeat(43))) {
                given().accept("text/html").get(wrong).then().statusCode(404).contentType(containsString("text/html"))
                        .body(containsString("This link is not valid"))
                        .body(not(containsString("Maya"))).body(not(containsString("Ada")));
                given().accept("application/json").get(wrong).then().statusCode(404)
                        .contentType("application/problem+json").body("detail",
                                equalTo("There is no invitation at this link"));
                given().contentType("application/json").accept("application/json").body("{}")
                        .post(wrong + "/acceptance").then().statusCode(404).contentType("application/problem+json");
                given().redirects().follow(false).contentType("application/x-www-form-urlencoded").body("")
                        .post(wrong + "/decline").then().statusCode(404).body(containsString("This link is not valid"));
            }
            given().accept("text/html").get(base).then().statusCode(200).body(containsString("Accept the invitation"));
            assertThat(invitations.drain(of(InvitationRespondedV1.TYPE, proposal.matchId()), Duration.ofSeconds(2)))
                    .isEmpty();
        }
    }

    @Test
    void redeliveredAndRepeatedEventsMakeOneInvitation() {
        MatchProposedV1 proposal = MatchEvents.proposal();
        try (TopicProbe invitations = TopicProbe.fromNow(Topics.INVITATIONS)) {
            UUID eventId = UUID.randomUUID();
            MatchEvents.publish(eventId, MatchProposedV1.TYPE, proposal.matchId(), proposal);
            MatchEvents.publish(eventId, MatchProposedV1.TYPE, proposal.matchId(), proposal); // a redelivery
            MatchEvents.publish(proposal); // the same proposal again under a new event id
            Mailbox.await(proposal.participantEmail(), m -> true, 1, WAIT);
            invitations.await(of(InvitationSentV1.TYPE, proposal.matchId()), 1, WAIT);
            MatchEvents.publish(proposal); // after it was sent, too

            assertThat(invitations.drain(of(InvitationSentV1.TYPE, proposal.matchId()), Duration.ofSeconds(5)))
                    .hasSize(1);
            assertThat(Mailbox.messages(proposal.participantEmail())).hasSize(1);
            assertThat(Mailbox.messages(proposal.mentorEmail())).hasSize(1);
            assertThat(notifications("matchId=" + proposal.matchId())).hasSize(2);
        }
    }

    @Test
    void acceptanceInAFrontEndClosesTheLinkAndIntroducesBoth() {
        MatchProposedV1 proposal = MatchEvents.proposal();
        MatchEvents.publish(proposal);
        String link = Mailbox.await(proposal.participantEmail(), m -> true, 1, WAIT).get(0).acceptLink();

        MatchEvents.publish(MatchEvents.statusChanged(proposal, MatchStatus.INVITED, MatchStatus.ACCEPTED));
        Received toParticipant = Mailbox.await(proposal.participantEmail(),
                Mailbox.subjectContains("Meet your mentor"), 1, WAIT).get(0);
        assertThat(toParticipant.text()).contains(proposal.mentorEmail());
        Received toMentor = Mailbox.await(proposal.mentorEmail(), Mailbox.subjectContains("Meet your mentee"), 1, WAIT)
                .get(0);
        assertThat(toMentor.text()).contains(proposal.participantEmail());
        given().accept("text/html").get(link).then().statusCode(200).body(containsString("Invitation accepted"));

        MatchEvents.publish(MatchEvents.statusChanged(proposal, MatchStatus.INVITED, MatchStatus.ACCEPTED));
        Mailbox.sleep(3000);
        assertThat(Mailbox.messages(proposal.participantEmail()).stream()
                .filter(Mailbox.subjectContains("Meet your mentor"))).hasSize(1);
        assertThat(notifications("matchId=" + proposal.matchId() + "&kind=INTRODUCTION_MENTOR")).hasSize(1);
    }

    @Test
    void theMailLogIsForProgramAdminsOnly() {
        given().get("/api/v1/notifications").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("ada")).get("/api/v1/notifications").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("priya")).get("/api/v1/notifications?size=500").then().statusCode(400)
                .contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("priya")).post("/api/v1/notifications/" + UUID.randomUUID() + "/resend")
                .then().statusCode(404).contentType("application/problem+json");

        MatchProposedV1 proposal = MatchEvents.proposal();
        MatchEvents.publish(proposal);
        Mailbox.await(proposal.participantEmail(), m -> true, 1, WAIT);
        JsonNode sent = awaitNotification(proposal.matchId(), "INVITATION", n -> "SENT".equals(n.get("status")
                .asText()));
        given().auth().oauth2(Tokens.user("priya")).get("/api/v1/notifications?recipient="
                        + proposal.participantEmail().toUpperCase() + "&status=SENT")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].kind", equalTo("INVITATION"));
        given().auth().oauth2(Tokens.user("priya")).post("/api/v1/notifications/" + sent.get("id").asText()
                + "/resend").then().statusCode(409).contentType("application/problem+json");
    }

    // ------------------------------------------------------------------ helpers shared by the test classes

    static Predicate<ConsumerRecord<String, byte[]>> of(String type, UUID matchId) {
        return TopicProbe.ofType(type).and(record -> matchId.toString().equals(record.key()));
    }

    static String formAction(String html, String endsWith) {
        Matcher action = Pattern.compile("action=\"([^\"]*" + endsWith + ")\"").matcher(html);
        assertThat(action.find()).as("a form posting to ..." + endsWith).isTrue();
        return action.group(1);
    }

    static List<JsonNode> notifications(String query) {
        String body = given().auth().oauth2(Tokens.user("priya")).get("/api/v1/notifications?size=200&" + query)
                .then().statusCode(200).extract().asString();
        try {
            List<JsonNode> items = new java.util.ArrayList<>();
            JSON.readTree(body).get("items").forEach(items::add);
            return items;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode awaitNotification(UUID matchId, String kind, Predicate<JsonNode> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        List<JsonNode> found = List.of();
        while (System.nanoTime() < deadline) {
            found = notifications("matchId=" + matchId + "&kind=" + kind);
            if (found.size() == 1 && condition.test(found.get(0))) {
                return found.get(0);
            }
            Mailbox.sleep(300);
        }
        throw new AssertionError("notification " + kind + " of match " + matchId + " never got there: " + found);
    }
}
