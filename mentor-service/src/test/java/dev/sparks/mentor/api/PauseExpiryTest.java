package dev.sparks.mentor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.TopicProbe;
import dev.sparks.common.testing.Tokens;
import dev.sparks.mentor.domain.MentorProfiles;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** A pause that has ended is stored as accepting and announced on the feed. */
@QuarkusTest
class PauseExpiryTest {

    @Inject
    MentorProfiles profiles;

    @Test
    void anEndedPauseBecomesAcceptingWithAnEvent() throws Exception {
        Map<String, Object> body = Profiles.unique(Profiles.run());
        LocalDate until = profiles.today().plusDays(3);
        body.put("availability", "PAUSED");
        body.put("pausedUntil", until.toString());
        String id = MentorApiTest.createdId(body);
        try (TopicProbe probe = TopicProbe.fromNow(Topics.MENTORS)) {
            assertThat(profiles.resumeExpiredPauses(until.minusDays(1))).isGreaterThanOrEqualTo(0);
            given().auth().oauth2(Tokens.user("priya")).get("/api/v1/mentors/" + id).then()
                    .body("availability", equalTo("PAUSED")).body("version", equalTo(0));
            assertThat(profiles.resumeExpiredPauses(until)).isGreaterThanOrEqualTo(1);
            given().auth().oauth2(Tokens.user("priya")).get("/api/v1/mentors/" + id).then()
                    .body("availability", equalTo("ACCEPTING")).body("version", equalTo(1));
            // the creation event (version 0) may still be on its way through the outbox when the probe opens
            var events = probe.await(MentorImportTest.keyIn(Set.of(id)).and(PauseExpiryTest::afterCreation), 1,
                    Duration.ofSeconds(30));
            assertThat(events).hasSize(1);
            assertThat(MentorImportTest.JSON.readTree(events.get(0).value()).get("availability").asText())
                    .isEqualTo("ACCEPTING");
        }
    }

    private static boolean afterCreation(ConsumerRecord<String, byte[]> record) {
        try {
            return MentorImportTest.JSON.readTree(record.value()).get("version").asLong() > 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
