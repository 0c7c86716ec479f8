package dev.sparks.matching;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.common.events.MatchStatusChangedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.AccessMatrix;
import dev.sparks.common.testing.ApiOperations;
import dev.sparks.common.testing.Tokens;
import dev.sparks.common.testing.TopicProbe;
import dev.sparks.matching.testing.EventFeed;
import dev.sparks.matching.testing.Eventually;
import dev.sparks.matching.testing.TestEvents;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Nobody reads or changes another person's match by swapping ids: Ada (participant) on Ben's match and Ben on
 * Ada's, and Maya (mentor) on Noah's match and Noah on Maya's, get 404 from every operation on /matches/{id} their
 * role may call, exactly as for an id that does not exist; listings filtered by the other's id show nothing of
 * theirs; the matches stay open and no status change is emitted. Real demo users, real matches made from real
 * events; the operations come from the live OpenAPI document.
 */
@QuarkusTest
class IdSwappingTest {

    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final Set<String> OPEN = Set.of("PROPOSED", "INVITED");

    @Test
    void participantsAndMentorsCannotReadOrChangeEachOthersMatches() {
        String language = TestEvents.uniqueLanguage();
        TestEvents.MentorDraft maya = TestEvents.mentor(language).email("maya@sparks.test");
        TestEvents.MentorDraft noah = TestEvents.mentor(language).email("noah@sparks.test");
        TestEvents.AssessmentDraft ada = TestEvents.participant(language).email("ada@sparks.test");
        TestEvents.AssessmentDraft ben = TestEvents.participant(language).email("ben@sparks.test");
        List<ApiOperations.Operation> onMatches = ApiOperations.served().stream()
                .filter(op -> op.path().startsWith("/api/v1/matches/{id}")).toList();
        assertThat(onMatches).extracting(ApiOperations.Operation::operationId)
                .contains("getMatch", "acceptMatch", "declineMatch", "endMatch");

        List<String> leaks = new ArrayList<>();
        try (EventFeed feed = EventFeed.connect(); TopicProbe matches = TopicProbe.fromNow(Topics.MATCHES)) {
            feed.mentor(maya.event());
            feed.mentor(noah.event());
            feed.completed(ada.event());
            feed.completed(ben.event());
            JsonPath adas = awaitOpenMatch(ada.id);
            JsonPath bens = awaitOpenMatch(ben.id);
            Map<String, JsonPath> byMentor = Map.of(adas.getString("mentor.email"), adas,
                    bens.getString("mentor.email"), bens);
            assertThat(byMentor).as("one match per mentor").hasSize(2);
            String adasMentor = user(adas.getString("mentor.email"));
            String bensMentor = user(bens.getString("mentor.email"));

            for (String[] swap : new String[][] {{"ada", "ben"}, {"ben", "ada"}}) {
                JsonPath owned = swap[1].equals("ben") ? bens : adas;
                tryAll(swap[0], AccessMatrix.Caller.PARTICIPANT, onMatches, owned.getString("id"), leaks);
                assertThat(ids(swap[0], "participantId", owned.getString("participant.id")))
                        .doesNotContain(owned.getString("id"));
            }
            for (String[] swap : new String[][] {{adasMentor, bens.getString("id"), bens.getString("mentor.id")},
                {bensMentor, adas.getString("id"), adas.getString("mentor.id")}}) {
                tryAll(swap[0], AccessMatrix.Caller.MENTOR, onMatches, swap[1], leaks);
                assertThat(ids(swap[0], "mentorId", swap[2])).doesNotContain(swap[1]);
            }

            for (JsonPath match : List.of(adas, bens)) {
                JsonPath now = asAdmin().get("/api/v1/matches/" + match.getString("id")).then().statusCode(200)
                        .extract().jsonPath();
                assertThat(now.getString("status")).isIn(OPEN);
                assertThat(now.getString("declineReason")).isNull();
                assertThat(now.getString("respondedAt")).isNull();
                assertThat(now.getString("endedAt")).isNull();
            }
            List<String> closed = matches.upToNow().stream()
                    .filter(TopicProbe.ofType(MatchStatusChangedV1.TYPE))
                    .filter(r -> List.of(adas.getString("id"), bens.getString("id")).contains(r.key()))
                    .map(TopicProbe::value)
                    .filter(value -> !value.contains("\"status\":\"INVITED\""))
                    .toList();
            assertThat(closed).as("status changes emitted for Ada's or Ben's match").isEmpty();
        } finally {
            for (UUID participant : List.of(ada.id, ben.id)) {
                List<String> open = asAdmin().queryParam("participantId", participant).get("/api/v1/matches").then()
                        .extract().jsonPath().getList("items.id", String.class);
                open.forEach(id -> asAdmin().contentType("application/json").body(Map.of("reason", "test done"))
                        .post("/api/v1/matches/" + id + "/end"));
            }
        }
        assertThat(leaks).as("answers to another person's match ids").isEmpty();
    }

    /** Every operation on the match that the role may call, as {@code user}: each must answer 404. */
    private static void tryAll(String user, AccessMatrix.Caller role, List<ApiOperations.Operation> operations,
            String matchId, List<String> leaks) {
        for (ApiOperations.Operation operation : operations) {
            if (AccessMatrix.of("matching-service").get(operation.operationId()).expected(role)
                    != AccessMatrix.Expected.ALLOWED) {
                continue;
            }
            RequestSpecification request = given().auth().oauth2(Tokens.user(user)).accept("application/json");
            if (!operation.bodies().isEmpty()) {
                request.contentType("application/json").body(Map.of("reason", "Not my match, " + user));
            }
            Response response = request.request(operation.method(), operation.path(Map.of("id", matchId)));
            if (response.statusCode() != 404 || !response.contentType().startsWith("application/problem+json")) {
                leaks.add(user + " " + operation + " on match " + matchId + ": " + response.statusCode() + " "
                        + response.asString());
            }
        }
    }

    /** The match ids the user lists when filtering by someone else's id. */
    private static List<String> ids(String user, String filter, String id) {
        return given().auth().oauth2(Tokens.user(user)).queryParam(filter, id).queryParam("size", 200)
                .get("/api/v1/matches").then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }

    private static JsonPath awaitOpenMatch(UUID participantId) {
        return Eventually.until("an open match of " + participantId, () -> {
            JsonPath page = asAdmin().queryParam("participantId", participantId).get("/api/v1/matches").then()
                    .statusCode(200).extract().jsonPath();
            List<String> statuses = page.getList("items.status", String.class);
            for (int i = 0; i < statuses.size(); i++) {
                if (OPEN.contains(statuses.get(i))) {
                    return asAdmin().get("/api/v1/matches/" + page.getString("items[" + i + "].id")).then()
                            .statusCode(200).extract().jsonPath();
                }
            }
            return null;
        }, PATIENCE);
    }

    /** The demo user of a demo address (maya@sparks.test is maya). */
    private static String user(String email) {
        return email.substring(0, email.indexOf('@'));
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(Tokens.user("priya")).accept("application/json");
    }
}
