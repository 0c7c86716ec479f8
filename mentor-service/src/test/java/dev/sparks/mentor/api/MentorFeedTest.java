package dev.sparks.mentor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparks.common.events.MentorProfileChangedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.EventSchemas;
import dev.sparks.common.testing.TopicProbe;
import dev.sparks.common.testing.Tokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The compacted feed: after a series of changes, a new consumer reading sparks.mentors from the beginning and keeping
 * the last record per key knows every mentor's current state.
 */
@QuarkusTest
class MentorFeedTest {

    @Test
    void theLastRecordPerKeyIsEachMentorsCurrentState() throws Exception {
        String run = Profiles.run();
        String admin = Tokens.user("priya");
        Map<String, Object> a = Profiles.unique(run);
        Map<String, Object> b = Profiles.unique(run);
        Map<String, Object> c = Profiles.unique(run);
        String idA = MentorApiTest.createdId(a);
        String idB = MentorApiTest.createdId(b);
        String idC = MentorApiTest.createdId(c);

        a.put("capacity", 5);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(a).header("If-Match", "\"0\"")
                .put("/api/v1/mentors/" + idA).then().statusCode(200);
        LocalDate until = LocalDate.now(ZoneOffset.UTC).plusDays(14);
        given().auth().oauth2(admin).contentType("application/merge-patch+json")
                .body(Map.of("availability", "PAUSED", "pausedUntil", until.toString()))
                .patch("/api/v1/mentors/" + idA).then().statusCode(200);
        given().auth().oauth2(admin).delete("/api/v1/mentors/" + idB).then().statusCode(200);
        c.put("capacity", 10);
        c.put("offerings", List.of("SUPPORT_AND_INSIGHT"));
        MentorImportTest.importJson(List.of(c)).then().statusCode(200);
        // An edit that changes nothing writes no event.
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(a).put("/api/v1/mentors/" + idA).then()
                .statusCode(200);

        Map<String, JsonPath> current = Map.of(idA, read(idA), idB, read(idB), idC, read(idC));
        assertThat(current.get(idA).getInt("version")).isEqualTo(2);

        try (TopicProbe probe = TopicProbe.fromBeginning(Topics.MENTORS)) {
            Set<String> ids = current.keySet();
            probe.await(record -> ids.contains(record.key()) && version(record) == current.get(record.key())
                    .getLong("version"), 3, Duration.ofSeconds(60));
            List<ConsumerRecord<String, byte[]>> records = probe.drain(MentorImportTest.keyIn(ids),
                    Duration.ofSeconds(2));
            assertThat(records).extracting(record -> TopicProbe.header(record, "ce_type"))
                    .containsOnly(MentorProfileChangedV1.TYPE);
            records.forEach(EventSchemas::assertValid);
            // One event per change: A created, updated, paused; B created, retired; C created, imported.
            assertThat(records).hasSize(7);
            Map<String, JsonNode> last = MentorImportTest.lastPerKey(records);
            assertThat(last.keySet()).isEqualTo(ids);
            for (String id : ids) {
                JsonPath state = current.get(id);
                JsonNode event = last.get(id);
                assertThat(event.get("mentorId").asText()).isEqualTo(id);
                assertThat(event.get("version").asLong()).isEqualTo(state.getLong("version"));
                assertThat(event.get("capacity").asInt()).isEqualTo(state.getInt("capacity"));
                assertThat(event.get("availability").asText()).isEqualTo(state.getString("availability"));
                assertThat(event.get("retired").asBoolean()).isEqualTo(state.getBoolean("retired"));
                assertThat(event.path("pausedUntil").isNull() ? null : event.path("pausedUntil").asText())
                        .isEqualTo(state.getString("pausedUntil"));
                assertThat(event.get("email").asText()).isEqualTo(state.getString("email"));
                assertThat(event.get("offerings").toString().replace("\"", ""))
                        .isEqualTo(state.getList("offerings").toString().replace(" ", ""));
                assertThat(event.get("strengths").size()).isEqualTo(18);
            }
            assertThat(last.get(idA).get("availability").asText()).isEqualTo("PAUSED");
            assertThat(last.get(idB).get("retired").asBoolean()).isTrue();
            assertThat(last.get(idC).get("capacity").asInt()).isEqualTo(10);
        }
    }

    private static JsonPath read(String id) {
        return given().auth().oauth2(Tokens.user("priya")).get("/api/v1/mentors/" + id).then().statusCode(200)
                .extract().jsonPath();
    }

    private static long version(ConsumerRecord<String, byte[]> record) {
        try {
            return MentorImportTest.JSON.readTree(record.value()).get("version").asLong();
        } catch (Exception e) {
            return -1;
        }
    }
}
