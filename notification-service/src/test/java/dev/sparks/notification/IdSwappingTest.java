package dev.sparks.notification;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.sparks.common.events.InvitationRespondedV1;
import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.ApiOperations;
import dev.sparks.common.testing.Tokens;
import dev.sparks.common.testing.TopicProbe;
import dev.sparks.notification.support.Mailbox;
import dev.sparks.notification.support.MatchEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * An invitation link is the credential for one invitation only. Two real invitations (Ada's and Ben's, from real
 * match events and mails): tokens built from one with a character changed, or spliced from both, reach neither;
 * Ada's bearer token does not open the mail log of Ben's match; answering Ada's invitation leaves Ben's open and
 * emits nothing for his match. The link operations come from the live OpenAPI document.
 */
@QuarkusTest
class IdSwappingTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    @Test
    void oneInvitationsLinkNeverReachesAnother() {
        MatchProposedV1 adas = MatchEvents.proposal("Ada Lovelace", "Maya Lindqvist", "Leads platform teams.");
        MatchProposedV1 bens = MatchEvents.proposal("Ben Okafor", "Noah Berg", "Coaches new managers.");
        List<ApiOperations.Operation> onLinks = ApiOperations.served().stream()
                .filter(op -> op.path().startsWith("/api/v1/invitations/{token}")).toList();
        assertThat(onLinks).extracting(ApiOperations.Operation::operationId)
                .contains("getInvitation", "acceptInvitation", "declineInvitation");

        try (TopicProbe invitations = TopicProbe.fromNow(Topics.INVITATIONS)) {
            MatchEvents.publish(adas);
            MatchEvents.publish(bens);
            String ada = token(adas);
            String ben = token(bens);
            List<String> forged = List.of(ada.substring(0, 42) + (ada.charAt(42) == 'A' ? 'B' : 'A'),
                    ada.substring(0, 21) + ben.substring(21), ben.substring(0, 21) + ada.substring(21),
                    swapCase(ada));
            List<String> leaks = new ArrayList<>();
            for (ApiOperations.Operation operation : onLinks) {
                for (String token : forged) {
                    for (String bearer : new String[] {null, Tokens.user("ada")}) {
                        RequestSpecification request = given().accept("application/json");
                        if (bearer != null) {
                            request.auth().oauth2(bearer);
                        }
                        if (!operation.bodies().isEmpty()) {
                            request.contentType("application/json").body(Map.of("reason", "not mine"));
                        }
                        Response response = request.request(operation.method(),
                                operation.path(Map.of("token", token)));
                        if (response.statusCode() != 404
                                || !response.contentType().startsWith("application/problem+json")) {
                            leaks.add(operation + " with " + token + ": " + response.statusCode() + " "
                                    + response.asString());
                        }
                    }
                }
            }
            assertThat(leaks).as("answers to forged links").isEmpty();

            given().auth().oauth2(Tokens.user("ada")).queryParam("matchId", bens.matchId().toString())
                    .get("/api/v1/notifications").then().statusCode(403).contentType("application/problem+json");
            String bensNotification = given().auth().oauth2(Tokens.user("priya"))
                    .queryParam("matchId", bens.matchId().toString()).queryParam("kind", "INVITATION")
                    .get("/api/v1/notifications").then().statusCode(200).extract().path("items[0].id");
            given().auth().oauth2(Tokens.user("ada")).post("/api/v1/notifications/" + bensNotification + "/resend")
                    .then().statusCode(403).contentType("application/problem+json");

            given().contentType("application/json").accept("application/json")
                    .body(Map.of("reason", "Not this term")).post("/api/v1/invitations/" + ada + "/decline").then()
                    .statusCode(200).body("status", equalTo("DECLINED"));
            Map<String, Object> bensView = given().accept("application/json").get("/api/v1/invitations/" + ben)
                    .then().statusCode(200).extract().jsonPath().getMap("$");
            assertThat(bensView).containsEntry("status", "OPEN").containsEntry("participantName", "Ben Okafor")
                    .doesNotContainKeys("participantEmail", "mentorEmail");
            assertThat(invitations.await(TopicProbe.ofType(InvitationRespondedV1.TYPE)
                    .and(r -> adas.matchId().toString().equals(r.key())), 1, WAIT)).hasSize(1);
            assertThat(invitations.upToNow()).as("answers emitted for Ben's match")
                    .noneMatch(r -> TopicProbe.ofType(InvitationRespondedV1.TYPE).test(r)
                            && bens.matchId().toString().equals(r.key()));
        }
    }

    /**
     * The token of the invitation's link mailed by this instance (other running notification-services on the shared
     * broker mail the same proposal with links of their own).
     */
    private static String token(MatchProposedV1 proposal) {
        String base = ConfigProvider.getConfig().getValue("sparks.notification.public-base-url", String.class);
        String link = Mailbox.await(proposal.participantEmail(), m -> m.acceptLink().startsWith(base + "/"), 1, WAIT)
                .get(0).acceptLink();
        return link.substring(link.indexOf("/invitations/") + 13, link.indexOf('?'));
    }

    private static String swapCase(String token) {
        StringBuilder out = new StringBuilder();
        for (char c : token.toCharArray()) {
            out.append(Character.isUpperCase(c) ? Character.toLowerCase(c) : Character.toUpperCase(c));
        }
        return out.toString();
    }
}
