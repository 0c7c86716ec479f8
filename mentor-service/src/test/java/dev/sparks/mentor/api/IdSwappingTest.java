package dev.sparks.mentor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.AccessMatrix;
import dev.sparks.common.testing.ApiOperations;
import dev.sparks.common.testing.Tokens;
import dev.sparks.common.testing.TopicProbe;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A mentor can never change another mentor's profile or read its private part: Maya's token with Noah's id (and
 * Noah's with Maya's) gets only the public view from a read and 403 from every change, the owner's profile reads
 * the same afterwards (same ETag) and nothing is emitted for it. The operations on /mentors/{id} that the mentor
 * role may call come from the live OpenAPI document, so a new one is covered without touching this test.
 */
@QuarkusTest
class IdSwappingTest {

    private static final List<String> PRIVATE = List.of("email", "externalId", "exclusions");

    @Test
    void aMentorCannotReadPrivatelyOrChangeAnotherMentorsProfile() {
        Map<String, String> ids = Map.of("maya", OwnProfileTest.ensure("maya"), "noah", OwnProfileTest.ensure("noah"));
        List<ApiOperations.Operation> onProfiles = ApiOperations.served().stream()
                .filter(op -> op.path().equals("/api/v1/mentors/{id}"))
                .filter(op -> AccessMatrix.of("mentor-service").get(op.operationId())
                        .expected(AccessMatrix.Caller.MENTOR) == AccessMatrix.Expected.ALLOWED)
                .toList();
        assertThat(onProfiles).extracting(ApiOperations.Operation::operationId)
                .contains("getMentor", "replaceMentor", "patchMentor");

        List<String> leaks = new ArrayList<>();
        try (TopicProbe feed = TopicProbe.fromNow(Topics.MENTORS)) {
            for (String[] pair : new String[][] {{"noah", "maya"}, {"maya", "noah"}}) {
                String owner = pair[0];
                String intruder = pair[1];
                String ownerId = ids.get(owner);
                Response before = asAdmin().get("/api/v1/mentors/" + ownerId);
                for (ApiOperations.Operation operation : onProfiles) {
                    Response response = call(intruder, operation, owner, ownerId);
                    if (operation.isRead()) {
                        Map<String, Object> view = response.then().statusCode(200).extract().jsonPath().getMap("$");
                        PRIVATE.stream().filter(field -> view.get(field) != null)
                                .forEach(field -> leaks.add(intruder + " read " + owner + "'s " + field));
                    } else if (response.statusCode() != 403
                            || !response.contentType().startsWith("application/problem+json")) {
                        leaks.add(intruder + " " + operation + " on " + owner + "'s profile: "
                                + response.statusCode() + " " + response.asString());
                    }
                }
                Response after = asAdmin().get("/api/v1/mentors/" + ownerId);
                assertThat(after.header("ETag")).isEqualTo(before.header("ETag"));
                assertThat(after.asString()).as("%s's profile after %s tried", owner, intruder)
                        .isEqualTo(before.asString());
                String own = given().auth().oauth2(Tokens.user(intruder)).get("/api/v1/mentors/me").then()
                        .statusCode(200).extract().path("id");
                assertThat(own).isEqualTo(ids.get(intruder));
                List<Map<String, Object>> listed = given().auth().oauth2(Tokens.user(intruder))
                        .queryParam("size", 200).get("/api/v1/mentors").then().statusCode(200).extract()
                        .jsonPath().getList("items");
                listed.stream().filter(m -> !ids.get(intruder).equals(m.get("id")))
                        .forEach(m -> PRIVATE.stream().filter(field -> m.get(field) != null)
                                .forEach(field -> leaks.add(intruder + " listed " + m.get("id") + "'s " + field)));
            }
            assertThat(feed.upToNow()).as("profile changes emitted for Maya or Noah")
                    .noneMatch(record -> ids.containsValue(record.key()));
        }
        assertThat(leaks).as("what one mentor read or did to another's profile").isEmpty();
    }

    private static RequestSpecification asAdmin() {
        return given().auth().oauth2(Tokens.user("priya")).accept("application/json");
    }

    /** The operation on the owner's profile, with a body the owner could send (their own profile, a new bio). */
    private static Response call(String user, ApiOperations.Operation operation, String owner, String ownerId) {
        RequestSpecification request = given().auth().oauth2(Tokens.user(user)).accept("application/json");
        if (!operation.bodies().isEmpty()) {
            Map<String, Object> body = Profiles.profile("DEMO-" + owner.toUpperCase(), owner + "@sparks.test");
            body.put("bio", "Written by " + user);
            String type = operation.bodies().keySet().iterator().next();
            request.contentType(type).body(type.contains("merge-patch") ? Map.of("bio", "Written by " + user) : body);
        }
        return request.request(operation.method(), operation.path(Map.of("id", ownerId)));
    }
}
