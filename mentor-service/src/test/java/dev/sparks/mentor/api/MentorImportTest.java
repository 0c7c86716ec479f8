package dev.sparks.mentor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.events.MentorProfileChangedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.TopicProbe;
import dev.sparks.common.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** HR bulk imports against the real database and broker, with the HR client's real token. */
@QuarkusTest
class MentorImportTest {

    static final ObjectMapper JSON = new ObjectMapper();

    static Response importJson(Object body) {
        return given().auth().oauth2(Tokens.hrClient()).contentType(ContentType.JSON).body(body)
                .post("/api/v1/mentor-imports");
    }

    @Test
    void fiveThousandRowsImportOnceAndTheSecondRunChangesNothingAndEmitsNothing() throws Exception {
        String run = Profiles.run();
        List<Map<String, Object>> rows = Profiles.many(run, 5000);
        try (TopicProbe probe = TopicProbe.fromNow(Topics.MENTORS)) {
            Response first = importJson(Map.of("mentors", rows));
            first.then().statusCode(200)
                    .body("total", equalTo(5000)).body("created", equalTo(5000)).body("rejected", equalTo(0));
            Set<String> ids = Set.copyOf(first.jsonPath().getList("rows.mentorId", String.class));
            assertThat(ids).hasSize(5000);

            List<ConsumerRecord<String, byte[]>> events = probe.await(keyIn(ids), 5000, Duration.ofSeconds(120));
            assertThat(events).hasSize(5000);
            assertThat(events).allSatisfy(record -> {
                assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(MentorProfileChangedV1.TYPE);
                assertThat(TopicProbe.header(record, "ce_subject")).isEqualTo(record.key());
            });
            JsonNode sample = JSON.readTree(events.get(0).value());
            assertThat(sample.get("version").asLong()).isZero();
            assertThat(sample.get("strengths").size()).isEqualTo(18);
            assertThat(sample.get("retired").asBoolean()).isFalse();

            Response second = importJson(Map.of("mentors", rows));
            second.then().statusCode(200)
                    .body("unchanged", equalTo(5000)).body("created", equalTo(0)).body("updated", equalTo(0));
            assertThat(probe.drain(keyIn(ids), Duration.ofSeconds(5))).hasSize(5000);
        }
        given().auth().oauth2(Tokens.user("priya")).queryParam("email", "b-" + run.toLowerCase() + "-4321@bulk.test")
                .get("/api/v1/mentors").then().body("items[0].capacity", equalTo(1 + 4321 % 10))
                .body("items[0].version", equalTo(0));
    }

    @Test
    void badRowsAreRejectedOneByOneWhileTheGoodRowsAreApplied() {
        String run = Profiles.run();
        Map<String, Object> good = Profiles.unique(run);
        Map<String, Object> badEmail = Profiles.unique(run);
        badEmail.put("email", "not-an-email");
        Map<String, Object> badCapacity = Profiles.unique(run);
        badCapacity.put("capacity", 0);
        badCapacity.put("languages", List.of("xx"));
        Map<String, Object> wrongType = Profiles.unique(run);
        wrongType.put("capacity", "lots");
        Map<String, Object> duplicate = Profiles.unique(run);
        duplicate.put("externalId", good.get("externalId"));
        Map<String, Object> alsoGood = Profiles.unique(run);
        Map<String, Object> unknownField = Profiles.unique(run);
        unknownField.put("salary", 100);

        Response response = importJson(List.of(good, badEmail, badCapacity, wrongType, duplicate, alsoGood,
                unknownField));
        response.then().statusCode(200)
                .body("total", equalTo(7)).body("created", equalTo(2)).body("rejected", equalTo(5))
                .body("rows[0].outcome", equalTo("CREATED"))
                .body("rows[1].outcome", equalTo("REJECTED")).body("rows[1].errors[0].field", equalTo("email"))
                .body("rows[2].errors.field", org.hamcrest.Matchers.hasItems("capacity", "languages[0]"))
                .body("rows[3].errors[0].field", equalTo("capacity"))
                .body("rows[4].errors[0].field", equalTo("externalId"))
                .body("rows[4].errors[0].message", equalTo("is the same as in row 1"))
                .body("rows[5].outcome", equalTo("CREATED"))
                .body("rows[6].errors[0].field", equalTo("salary"))
                .body("rows[1].mentorId", nullValue());
        given().auth().oauth2(Tokens.user("priya")).queryParam("email", good.get("email")).get("/api/v1/mentors")
                .then().body("total", equalTo(1));

        // An update through the import: only the changed row is UPDATED.
        good.put("capacity", 6);
        importJson(List.of(good, alsoGood)).then().statusCode(200)
                .body("rows[0].outcome", equalTo("UPDATED")).body("rows[1].outcome", equalTo("UNCHANGED"));
        // Another mentor's email is refused for that row only.
        Map<String, Object> thief = Profiles.unique(run);
        thief.put("email", alsoGood.get("email"));
        importJson(List.of(thief)).then().statusCode(200).body("rows[0].outcome", equalTo("REJECTED"))
                .body("rows[0].errors[0].field", equalTo("email"));
    }

    @Test
    void csvImportReadsTheHrExport() {
        String run = Profiles.run();
        String header = "externalId,name,email,field,seniority,languages,timeZone,bio,offerings,capacity,"
                + "exclusions,strength.APPROACH_TO_CHANGE_LEADERSHIP,strength.SPEAK_UP";
        String csv = header + "\r\n"
                + "C-" + run + "-1,\"Lindqvist, Maya\",c1-" + run + "@csv.test,TECHNOLOGY,Director,en;sv,"
                + "Europe/Stockholm,\"Says \"\"hello\"\"\nand leads\",CAREER_ADVICE;NETWORKING,3,HR-7;x@y.test,5,4\r\n"
                + "C-" + run + "-2,Noah,c2-" + run + "@csv.test,EDUCATION,,de,Europe/Berlin,,,2,,,\r\n"
                + "C-" + run + "-3,Bad,c3-" + run + "@csv.test,EDUCATION,,de,Europe/Berlin,,,many,,,\r\n"
                + "C-" + run + "-4,Short,c4-" + run + "@csv.test\r\n";
        Response response = given().auth().oauth2(Tokens.hrClient()).contentType("text/csv").body(csv)
                .post("/api/v1/mentor-imports");
        response.then().statusCode(200)
                .body("created", equalTo(2)).body("rejected", equalTo(2))
                .body("rows[2].errors[0].field", equalTo("capacity"))
                .body("rows[3].errors[0].field", equalTo("row"));
        String id = response.path("rows[0].mentorId");
        given().auth().oauth2(Tokens.user("priya")).get("/api/v1/mentors/" + id).then().statusCode(200)
                .body("name", equalTo("Lindqvist, Maya"))
                .body("bio", equalTo("Says \"hello\"\nand leads"))
                .body("languages", equalTo(List.of("en", "sv")))
                .body("offerings", equalTo(List.of("CAREER_ADVICE", "NETWORKING")))
                .body("exclusions", equalTo(List.of("hr-7", "x@y.test")))
                .body("strengths.SPEAK_UP", equalTo(4))
                .body("strengths.APPROACH_TO_CHANGE_LEADERSHIP", equalTo(5));
        // The same profiles as JSON are the same profiles: unchanged.
        given().auth().oauth2(Tokens.hrClient()).contentType("text/csv").body(csv).post("/api/v1/mentor-imports")
                .then().statusCode(200).body("unchanged", equalTo(2)).body("created", equalTo(0));

        given().auth().oauth2(Tokens.hrClient()).contentType("text/csv").body("externalId,nickname\r\nX,Y\r\n")
                .post("/api/v1/mentor-imports").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", org.hamcrest.Matchers.hasItem("header[1]"));
    }

    @Test
    void aRetriedRequestWithTheSameIdempotencyKeyIsNotAppliedTwice() {
        String run = Profiles.run();
        Map<String, Object> row = Profiles.unique(run);
        String key = "import-" + UUID.randomUUID();
        Response first = given().auth().oauth2(Tokens.hrClient()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(List.of(row)).post("/api/v1/mentor-imports");
        first.then().statusCode(200).body("created", equalTo(1));
        String id = first.path("rows[0].mentorId");

        // Meanwhile an admin changes the mentor; the retried import must not undo it.
        given().auth().oauth2(Tokens.user("priya")).contentType("application/merge-patch+json")
                .body("{\"capacity\": 9}").patch("/api/v1/mentors/" + id).then().statusCode(200);

        Response retry = given().auth().oauth2(Tokens.hrClient()).contentType(ContentType.JSON)
                .header("Idempotency-Key", key).body(List.of(row)).post("/api/v1/mentor-imports");
        retry.then().statusCode(200).header("Idempotent-Replayed", "true").body("created", equalTo(1));
        assertThat(retry.asString()).isEqualTo(first.asString());
        given().auth().oauth2(Tokens.user("priya")).get("/api/v1/mentors/" + id).then().body("capacity", equalTo(9))
                .header("ETag", "\"1\"");

        row.put("capacity", 1);
        given().auth().oauth2(Tokens.hrClient()).contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(List.of(row)).post("/api/v1/mentor-imports").then().statusCode(422)
                .contentType("application/problem+json");
    }

    @Test
    void onlyHrAndAdminsImportAndAtMostFiveThousandRows() {
        Map<String, Object> row = Profiles.unique(Profiles.run());
        given().auth().oauth2(Tokens.user("ada")).contentType(ContentType.JSON).body(List.of(row))
                .post("/api/v1/mentor-imports").then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("maya")).contentType(ContentType.JSON).body(List.of(row))
                .post("/api/v1/mentor-imports").then().statusCode(403);
        given().contentType(ContentType.JSON).body(List.of(row)).post("/api/v1/mentor-imports").then()
                .statusCode(401);
        List<Map<String, Object>> tooMany = java.util.Collections.nCopies(5001, Map.of("externalId", "x"));
        importJson(tooMany).then().statusCode(413).contentType("application/problem+json");
        importJson(Map.of("profiles", List.of())).then().statusCode(400);
        given().auth().oauth2(Tokens.hrClient()).contentType(ContentType.JSON).body("{\"mentors\": [")
                .post("/api/v1/mentor-imports").then().statusCode(400).contentType("application/problem+json");
    }

    static Predicate<ConsumerRecord<String, byte[]>> keyIn(Set<String> ids) {
        return record -> ids.contains(record.key());
    }

    static Map<String, JsonNode> lastPerKey(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        Map<String, JsonNode> last = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            last.put(record.key(), JSON.readTree(record.value()));
        }
        return last;
    }

    static Set<String> keys(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(ConsumerRecord::key).collect(Collectors.toSet());
    }
}
