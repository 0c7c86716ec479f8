package dev.sparks.mentor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.sparks.common.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mentor API against the real database, broker and Keycloak tokens. */
@QuarkusTest
class MentorApiTest {

    static final String PROBLEM = "application/problem+json";

    static Response create(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.user("priya")).contentType(ContentType.JSON).body(body)
                .post("/api/v1/mentors");
    }

    static String createdId(Map<String, Object> body) {
        return create(body).then().statusCode(201).extract().path("id");
    }

    @Test
    void adminCreatesReadsAndReplacesAProfileNormalised() {
        String run = Profiles.run();
        Map<String, Object> body = Profiles.unique(run);
        body.put("email", "Mixed.Case-" + run + "@Example.TEST");
        body.put("languages", List.of("EN", "sv", "en"));
        body.put("exclusions", List.of("Report@Example.test", "HR-9", "hr-9"));
        Response created = create(body);
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/mentors/"))
                .header("ETag", "\"0\"")
                .body("email", equalTo("mixed.case-" + run + "@example.test"))
                .body("languages", equalTo(List.of("en", "sv")))
                .body("exclusions", equalTo(List.of("hr-9", "report@example.test")))
                .body("strengths.APPROACH_TO_CHANGE_LEADERSHIP", equalTo(5))
                .body("strengths.TIME_ORIENTATION_MANAGEMENT", equalTo(1))
                .body("strengths.size()", equalTo(18))
                .body("availability", equalTo("ACCEPTING"))
                .body("retired", equalTo(false))
                .body("version", equalTo(0));
        String id = created.path("id");

        given().auth().oauth2(Tokens.user("priya")).get("/api/v1/mentors/" + id).then()
                .statusCode(200).header("ETag", "\"0\"").body("externalId", equalTo(body.get("externalId")));

        body.put("capacity", 7);
        given().auth().oauth2(Tokens.user("priya")).contentType(ContentType.JSON).body(body)
                .header("If-Match", "\"0\"").put("/api/v1/mentors/" + id).then()
                .statusCode(200).header("ETag", "\"1\"").body("capacity", equalTo(7)).body("version", equalTo(1));

        // The same body again changes nothing: no new version.
        given().auth().oauth2(Tokens.user("priya")).contentType(ContentType.JSON).body(body)
                .put("/api/v1/mentors/" + id).then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void invalidProfilesAreRefusedFieldByField() {
        Map<String, Object> body = Profiles.unique(Profiles.run());
        body.put("languages", List.of("english"));
        body.put("timeZone", "Mars/Olympus");
        body.put("strengths", Map.of("CHARISMA", 3, "SPEAK_UP", 9));
        body.put("capacity", 11);
        create(body).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("capacity"));
        body.put("capacity", 2);
        create(body).then().statusCode(400).contentType(PROBLEM)
                .body("errors.field", hasItem("languages[0]"))
                .body("errors.field", hasItem("timeZone"))
                .body("errors.field", hasItem("strengths.CHARISMA"))
                .body("errors.field", hasItem("strengths.SPEAK_UP"));
        Map<String, Object> unknown = Profiles.unique(Profiles.run());
        unknown.put("salary", 1);
        create(unknown).then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("salary"));
    }

    @Test
    void duplicateExternalIdOrEmailIsAConflict() {
        Map<String, Object> body = Profiles.unique(Profiles.run());
        createdId(body);
        create(body).then().statusCode(409).contentType(PROBLEM);
        Map<String, Object> sameEmail = Profiles.unique(Profiles.run());
        sameEmail.put("email", body.get("email"));
        create(sameEmail).then().statusCode(409).contentType(PROBLEM);
    }

    @Test
    void staleIfMatchIsAConflictAndNothingChanges() {
        Map<String, Object> body = Profiles.unique(Profiles.run());
        String id = createdId(body);
        body.put("capacity", 5);
        given().auth().oauth2(Tokens.user("priya")).contentType(ContentType.JSON).body(body)
                .header("If-Match", "\"0\"").put("/api/v1/mentors/" + id).then().statusCode(200)
                .header("ETag", "\"1\"");
        body.put("capacity", 9);
        given().auth().oauth2(Tokens.user("priya")).contentType(ContentType.JSON).body(body)
                .header("If-Match", "\"0\"").put("/api/v1/mentors/" + id).then()
                .statusCode(409).contentType(PROBLEM).body("detail", containsString("current version is 1"));
        given().auth().oauth2(Tokens.user("priya")).contentType("application/merge-patch+json")
                .body(Map.of("capacity", 9)).header("If-Match", "W/\"0\"").patch("/api/v1/mentors/" + id).then()
                .statusCode(409).contentType(PROBLEM);
        given().auth().oauth2(Tokens.user("priya")).get("/api/v1/mentors/" + id).then()
                .body("capacity", equalTo(5)).header("ETag", "\"1\"");
    }

    @Test
    void mergePatchChangesOnlyTheGivenFieldsAndValidatesTheResult() {
        Map<String, Object> body = Profiles.unique(Profiles.run());
        String id = createdId(body);
        given().auth().oauth2(Tokens.user("priya")).contentType("application/merge-patch+json")
                .body("{\"capacity\": 8, \"bio\": null, \"strengths\": {\"SPEAK_UP\": 2}}")
                .header("If-Match", "\"0\"").patch("/api/v1/mentors/" + id).then()
                .statusCode(200).header("ETag", "\"1\"")
                .body("capacity", equalTo(8))
                .body("bio", nullValue())
                .body("strengths.SPEAK_UP", equalTo(2))
                .body("strengths.APPROACH_TO_CHANGE_LEADERSHIP", equalTo(5))
                .body("name", equalTo(body.get("name")));
        given().auth().oauth2(Tokens.user("priya")).contentType("application/merge-patch+json")
                .body("{\"capacity\": 0}").patch("/api/v1/mentors/" + id).then()
                .statusCode(400).contentType(PROBLEM).body("errors.field", hasItem("capacity"));
        given().auth().oauth2(Tokens.user("priya")).contentType("application/merge-patch+json")
                .body("{\"version\": 4}").patch("/api/v1/mentors/" + id).then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("version"));
    }

    @Test
    void listingFiltersPagesAndSortsStably() {
        String run = Profiles.run();
        String tag = "Zz" + run;
        Map<String, Object> a = Profiles.unique(run);
        a.put("name", tag + " Alpha");
        a.put("strengths", Map.of("TAKE_INITIATIVE", 5, "DEVELOPING_PEOPLE_LEADERSHIP", 3));
        a.put("languages", List.of("fi"));
        a.put("field", "HEALTHCARE");
        a.put("offerings", List.of("RESUME_HELP"));
        Map<String, Object> b = Profiles.unique(run);
        b.put("name", tag + " Beta");
        b.put("strengths", Map.of("DEVELOPING_PEOPLE_LEADERSHIP", 4));
        b.put("languages", List.of("fi", "en"));
        b.put("field", "HEALTHCARE");
        Map<String, Object> c = Profiles.unique(run);
        c.put("name", tag.toLowerCase() + " gamma");
        c.put("languages", List.of("fi"));
        c.put("field", "HEALTHCARE");
        String idA = createdId(a);
        String idB = createdId(b);
        String idC = createdId(c);
        String admin = Tokens.user("priya");

        List<String> names = given().auth().oauth2(admin).queryParam("field", "healthcare")
                .queryParam("language", "fi").queryParam("size", 200).get("/api/v1/mentors").then().statusCode(200)
                .extract().jsonPath().getList("items.name", String.class);
        assertThat(names.stream().filter(n -> n.toLowerCase().startsWith(tag.toLowerCase())))
                .containsExactly(tag + " Alpha", tag + " Beta", tag.toLowerCase() + " gamma");

        List<String> strong = ids(given().auth().oauth2(admin).queryParam("strength", "DEVELOPING_PEOPLE_LEADERSHIP")
                .queryParam("language", "fi").queryParam("size", 200).get("/api/v1/mentors"));
        assertThat(strong).contains(idB).doesNotContain(idA, idC);
        List<String> atLeast3 = ids(given().auth().oauth2(admin)
                .queryParam("strength", "developing_people_leadership:3").queryParam("language", "fi")
                .queryParam("size", 200).get("/api/v1/mentors"));
        assertThat(atLeast3).contains(idA, idB).doesNotContain(idC);
        List<String> initiative = ids(given().auth().oauth2(admin).queryParam("behaviour", "TAKE_INITIATIVE")
                .queryParam("offering", "RESUME_HELP").queryParam("size", 200).get("/api/v1/mentors"));
        assertThat(initiative).contains(idA).doesNotContain(idB, idC);

        // Paging: three pages of one, in the same order as the whole list.
        String email = (String) b.get("email");
        given().auth().oauth2(admin).queryParam("email", email.toUpperCase()).get("/api/v1/mentors").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(idB));
        List<String> paged = new java.util.ArrayList<>();
        long total = -1;
        for (int page = 0; page < 50 && (total < 0 || paged.size() < total); page++) {
            Response response = given().auth().oauth2(admin).queryParam("field", "HEALTHCARE")
                    .queryParam("language", "fi").queryParam("page", page).queryParam("size", 2)
                    .get("/api/v1/mentors");
            total = response.jsonPath().getLong("total");
            paged.addAll(response.jsonPath().getList("items.id", String.class));
        }
        List<String> all = ids(given().auth().oauth2(admin).queryParam("field", "HEALTHCARE")
                .queryParam("language", "fi").queryParam("size", 200).get("/api/v1/mentors"));
        assertThat(paged).isEqualTo(all).hasSize((int) total);

        given().auth().oauth2(admin).queryParam("strength", "CHARISMA").get("/api/v1/mentors").then()
                .statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("strength"));
        given().auth().oauth2(admin).queryParam("size", 500).get("/api/v1/mentors").then().statusCode(400);
        // A mentor lists public views only.
        given().auth().oauth2(Tokens.user("noah")).queryParam("language", "fi").queryParam("size", 200)
                .get("/api/v1/mentors").then().statusCode(200)
                .body("items[0].email", nullValue()).body("items[0].exclusions", nullValue())
                .body("items[0].name", notNullValue());
        given().auth().oauth2(Tokens.user("ada")).get("/api/v1/mentors").then().statusCode(403).contentType(PROBLEM);
    }

    @Test
    void retiringKeepsTheProfileButTakesItOutOfTheListing() {
        String run = Profiles.run();
        Map<String, Object> body = Profiles.unique(run);
        String id = createdId(body);
        given().auth().oauth2(Tokens.user("priya")).delete("/api/v1/mentors/" + id).then().statusCode(200)
                .body("retired", equalTo(true)).body("availability", equalTo("RETIRED")).header("ETag", "\"1\"");
        given().auth().oauth2(Tokens.user("priya")).delete("/api/v1/mentors/" + id).then().statusCode(200)
                .header("ETag", "\"1\"");
        given().auth().oauth2(Tokens.user("priya")).get("/api/v1/mentors/" + id).then().statusCode(200)
                .body("retired", equalTo(true));
        given().auth().oauth2(Tokens.user("priya")).queryParam("email", body.get("email")).get("/api/v1/mentors")
                .then().body("total", equalTo(0));
        given().auth().oauth2(Tokens.user("priya")).queryParam("email", body.get("email"))
                .queryParam("includeRetired", true).get("/api/v1/mentors").then().body("total", equalTo(1));
        // Edits of a retired mentor are refused unless an admin reactivates them explicitly.
        body.put("capacity", 4);
        given().auth().oauth2(Tokens.user("priya")).contentType(ContentType.JSON).body(body)
                .put("/api/v1/mentors/" + id).then().statusCode(409).contentType(PROBLEM);
        body.put("availability", "ACCEPTING");
        given().auth().oauth2(Tokens.user("priya")).contentType(ContentType.JSON).body(body)
                .put("/api/v1/mentors/" + id).then().statusCode(200).body("retired", equalTo(false))
                .body("capacity", equalTo(4)).header("ETag", "\"2\"");
    }

    @Test
    void rolesDecideWhoMayDoWhat() {
        Map<String, Object> body = Profiles.unique(Profiles.run());
        given().auth().oauth2(Tokens.user("ada")).contentType(ContentType.JSON).body(body).post("/api/v1/mentors")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.user("maya")).contentType(ContentType.JSON).body(body).post("/api/v1/mentors")
                .then().statusCode(403).contentType(PROBLEM);
        given().auth().oauth2(Tokens.hrClient()).contentType(ContentType.JSON).body(body).post("/api/v1/mentors")
                .then().statusCode(403);
        given().contentType(ContentType.JSON).body(body).post("/api/v1/mentors").then().statusCode(401)
                .contentType(PROBLEM);
        String id = createdId(body);
        given().get("/api/v1/mentors/" + id).then().statusCode(401).contentType(PROBLEM);
        // A participant reads the public view only.
        given().auth().oauth2(Tokens.user("ada")).get("/api/v1/mentors/" + id).then().statusCode(200)
                .body("email", nullValue()).body("externalId", nullValue()).body("exclusions", nullValue())
                .body("capacity", equalTo(3));
        given().auth().oauth2(Tokens.hrClient()).get("/api/v1/mentors/" + id).then().statusCode(200)
                .body("email", equalTo(body.get("email")));
        given().auth().oauth2(Tokens.user("priya")).delete("/api/v1/mentors/" + java.util.UUID.randomUUID())
                .then().statusCode(404).contentType(PROBLEM);
        given().auth().oauth2(Tokens.user("maya")).delete("/api/v1/mentors/" + id).then().statusCode(403);
    }

    @Test
    void unendedPauseDateInThePastIsRefused() {
        Map<String, Object> body = Profiles.unique(Profiles.run());
        body.put("availability", "PAUSED");
        body.put("pausedUntil", LocalDate.now(ZoneOffset.UTC).toString());
        create(body).then().statusCode(400).body("errors.field", hasItem("pausedUntil"));
        body.put("availability", "RETIRED");
        body.remove("pausedUntil");
        create(body).then().statusCode(400).body("errors.field", hasItem("availability"));
    }

    private static List<String> ids(Response response) {
        return response.then().statusCode(200).extract().jsonPath().getList("items.id", String.class);
    }
}
