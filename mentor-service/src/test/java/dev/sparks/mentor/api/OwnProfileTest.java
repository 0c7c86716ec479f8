package dev.sparks.mentor.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import dev.sparks.common.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Mentors maya and noah (real Keycloak users) and their own profiles, linked by the email in their tokens. */
@QuarkusTest
class OwnProfileTest {

    String mayaId;
    String noahId;

    @BeforeEach
    void profilesOfTheDemoMentors() {
        mayaId = ensure("maya");
        noahId = ensure("noah");
    }

    /** The demo mentor's profile, created once per test JVM (the database is cleaned when it starts). */
    static synchronized String ensure(String user) {
        var own = given().auth().oauth2(Tokens.user(user)).get("/api/v1/mentors/me");
        if (own.statusCode() == 200) {
            return own.path("id");
        }
        Map<String, Object> body = Profiles.profile("DEMO-" + user.toUpperCase(), user + "@sparks.test");
        return MentorApiTest.createdId(body);
    }

    @Test
    void aMentorEditsTheirOwnProfileButNotAnothersOrTheirKeys() {
        Map<String, Object> mine = given().auth().oauth2(Tokens.user("maya")).get("/api/v1/mentors/me").then()
                .statusCode(200).body("email", equalTo("maya@sparks.test")).extract().jsonPath()
                .getMap("$");
        String etag = given().auth().oauth2(Tokens.user("maya")).get("/api/v1/mentors/" + mayaId).then()
                .statusCode(200).body("email", equalTo("maya@sparks.test")).extract().header("ETag");

        given().auth().oauth2(Tokens.user("maya")).contentType("application/merge-patch+json")
                .body("{\"bio\": \"Twenty years of leading change.\"}").header("If-Match", etag)
                .patch("/api/v1/mentors/" + mayaId).then().statusCode(200)
                .body("bio", equalTo("Twenty years of leading change."));

        given().auth().oauth2(Tokens.user("maya")).contentType("application/merge-patch+json")
                .body("{\"capacity\": 2}").patch("/api/v1/mentors/" + noahId).then()
                .statusCode(403).contentType("application/problem+json");
        Map<String, Object> body = Profiles.profile((String) mine.get("externalId"), "maya@sparks.test");
        given().auth().oauth2(Tokens.user("maya")).contentType(ContentType.JSON).body(body)
                .put("/api/v1/mentors/" + noahId).then().statusCode(403);
        given().auth().oauth2(Tokens.user("maya")).contentType("application/merge-patch+json")
                .body("{\"email\": \"someone.else@sparks.test\"}").patch("/api/v1/mentors/" + mayaId).then()
                .statusCode(403).body("errors.field", hasItem("email"));
        // Noah's full profile is not Maya's to read.
        given().auth().oauth2(Tokens.user("maya")).get("/api/v1/mentors/" + noahId).then().statusCode(200)
                .body("email", nullValue());
        given().auth().oauth2(Tokens.user("ada")).get("/api/v1/mentors/me").then().statusCode(403);
    }

    @Test
    void aMentorPausesAndResumesThemselves() {
        LocalDate until = LocalDate.now(ZoneOffset.UTC).plusDays(30);
        given().auth().oauth2(Tokens.user("noah")).contentType(ContentType.JSON)
                .body(Map.of("availability", "PAUSED", "pausedUntil", until.toString()))
                .put("/api/v1/mentors/me/availability").then().statusCode(200)
                .body("availability", equalTo("PAUSED")).body("pausedUntil", equalTo(until.toString()));
        given().auth().oauth2(Tokens.user("priya")).queryParam("email", "noah@sparks.test")
                .queryParam("accepting", false).get("/api/v1/mentors").then().body("total", equalTo(1));
        given().auth().oauth2(Tokens.user("priya")).queryParam("email", "noah@sparks.test")
                .queryParam("accepting", true).get("/api/v1/mentors").then().body("total", equalTo(0));

        given().auth().oauth2(Tokens.user("noah")).contentType(ContentType.JSON)
                .body(Map.of("availability", "PAUSED", "pausedUntil", "2001-01-01"))
                .put("/api/v1/mentors/me/availability").then().statusCode(400)
                .body("errors.field", hasItem("pausedUntil"));
        given().auth().oauth2(Tokens.user("noah")).contentType(ContentType.JSON)
                .body(Map.of("availability", "RETIRED")).put("/api/v1/mentors/me/availability").then()
                .statusCode(400);

        given().auth().oauth2(Tokens.user("noah")).contentType(ContentType.JSON)
                .body(Map.of("availability", "ACCEPTING")).put("/api/v1/mentors/me/availability").then()
                .statusCode(200).body("availability", equalTo("ACCEPTING")).body("pausedUntil", nullValue());
        given().auth().oauth2(Tokens.user("priya")).contentType(ContentType.JSON)
                .body(Map.of("availability", "PAUSED")).put("/api/v1/mentors/me/availability").then()
                .statusCode(403);
    }
}
