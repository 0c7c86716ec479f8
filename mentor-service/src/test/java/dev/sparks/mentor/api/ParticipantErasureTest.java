package dev.sparks.mentor.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sparks.common.events.CloudEventHeaders;
import dev.sparks.common.events.MentorProfileChangedV1;
import dev.sparks.common.events.ParticipantErasedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.EventSchemas;
import dev.sparks.common.testing.PersonalDataScan;
import dev.sparks.common.testing.Tokens;
import dev.sparks.common.testing.TopicProbe;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Mentors name participants only in their exclusions (email or external id). participant.erased.v1, published to the
 * real broker as assessment-service would, removes those entries from every mentor that has them, announces the new
 * profile on the feed, and leaves no text column of any table holding them.
 */
@QuarkusTest
class ParticipantErasureTest {

    /** Only bounds a failing test: a new test group first reads what the shared topic already holds. */
    private static final Duration PATIENCE = Duration.ofMinutes(2);
    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Inject
    AgroalDataSource database;

    @Test
    void erasureRemovesTheParticipantFromEveryMentorsExclusionsAndAnnouncesIt() throws Exception {
        String run = Profiles.run();
        UUID participant = UUID.randomUUID();
        String email = "erin.erasmus." + run + "@example.test";
        String externalId = "hr-erase-" + run;
        Map<String, Object> excluding = Profiles.unique(run);
        excluding.put("exclusions", List.of(email, externalId.toUpperCase(), "someone-else-" + run + "@example.test"));
        String excludingId = MentorApiTest.createdId(excluding);
        Map<String, Object> other = Profiles.unique(run);
        other.put("exclusions", List.of("someone-else-" + run + "@example.test"));
        String otherId = MentorApiTest.createdId(other);
        // The scan finds what it looks for while it is there.
        assertThat(PersonalDataScan.findings(database, List.of(email, externalId)))
                .contains("mentor.exclusions: " + email, "mentor.exclusions: " + externalId);

        try (TopicProbe mentors = TopicProbe.fromNow(Topics.MENTORS)) {
            publish(new ParticipantErasedV1(participant, List.of(ParticipantErasedV1.digest(participant, email),
                    ParticipantErasedV1.digest(participant, externalId)), Instant.now()));

            ConsumerRecord<String, byte[]> changed = mentors.await(record -> excludingId.equals(record.key())
                    && TopicProbe.ofType(MentorProfileChangedV1.TYPE).test(record), 1, PATIENCE).get(0);
            EventSchemas.assertValid(changed);
            JsonNode event = JSON.readTree(changed.value());
            assertThat(event.get("version").asLong()).isEqualTo(1);
            assertThat(event.get("exclusions")).extracting(JsonNode::asText)
                    .containsExactly("someone-else-" + run + "@example.test");
            assertThat(TopicProbe.value(changed)).doesNotContain(email, externalId);

            given().auth().oauth2(Tokens.user("priya")).get("/api/v1/mentors/" + excludingId).then().statusCode(200)
                    .body("exclusions", org.hamcrest.Matchers.contains("someone-else-" + run + "@example.test"))
                    .body("version", org.hamcrest.Matchers.equalTo(1));
            // A mentor who did not exclude the participant is not touched, and announces nothing.
            given().auth().oauth2(Tokens.user("priya")).get("/api/v1/mentors/" + otherId).then().statusCode(200)
                    .body("version", org.hamcrest.Matchers.equalTo(0));
            assertThat(mentors.drain(record -> otherId.equals(record.key()), Duration.ofSeconds(2))).isEmpty();
        }
        assertThat(PersonalDataScan.searchedColumns(database)).isGreaterThan(10);
        assertThat(PersonalDataScan.findings(database, List.of(email, externalId))).isEmpty();
    }

    /** As assessment-service's outbox relay publishes it: CloudEvents headers, JSON payload, key = participant id. */
    private static void publish(ParticipantErasedV1 erasure) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("SPARKS_KAFKA_BOOTSTRAP", "127.0.0.1:9092"),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            String key = erasure.participantId().toString();
            RecordHeaders headers = new RecordHeaders();
            headers.add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"));
            headers.add(CloudEventHeaders.ID, bytes(UUID.randomUUID().toString()));
            headers.add(CloudEventHeaders.TYPE, bytes(ParticipantErasedV1.TYPE));
            headers.add(CloudEventHeaders.SOURCE, bytes("/sparks/assessment-service"));
            headers.add(CloudEventHeaders.SUBJECT, bytes(key));
            headers.add(CloudEventHeaders.TIME, bytes(Instant.now().toString()));
            headers.add(CloudEventHeaders.CONTENT_TYPE, bytes("application/json"));
            producer.send(new ProducerRecord<>(Topics.PARTICIPANTS, null, key, JSON.writeValueAsBytes(erasure),
                    headers)).get(30, TimeUnit.SECONDS);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
