package dev.sparks.matching.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.events.InvitationExpiredV1;
import dev.sparks.common.events.InvitationRespondedV1;
import dev.sparks.common.events.InvitationSentV1;
import dev.sparks.common.events.MentorProfileChangedV1;
import dev.sparks.common.events.ParticipantErasedV1;
import dev.sparks.common.events.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes real events to the real broker the way the other services' outbox relays do: CloudEvents binary-mode
 * headers and a JSON payload, keyed by aggregate id.
 */
public final class EventFeed implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final KafkaProducer<String, byte[]> producer;

    private EventFeed() {
        Properties settings = new Properties();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("SPARKS_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        producer = new KafkaProducer<>(settings, new StringSerializer(), new ByteArraySerializer());
    }

    public static EventFeed connect() {
        return new EventFeed();
    }

    public UUID mentor(MentorProfileChangedV1 profile) {
        return publish(Topics.MENTORS, profile.mentorId().toString(), MentorProfileChangedV1.TYPE, profile,
                UUID.randomUUID());
    }

    /** As assessment-service's relay sends it from within a trace: the W3C traceparent in the headers. */
    public UUID completedTraced(AssessmentCompletedV1 assessment, String traceParent) {
        return publish(Topics.ASSESSMENTS, assessment.participantId().toString(), AssessmentCompletedV1.TYPE,
                assessment, UUID.randomUUID(), traceParent);
    }

    public UUID completed(AssessmentCompletedV1 assessment) {
        return completed(assessment, UUID.randomUUID());
    }

    /** With a chosen event id, to deliver the very same event twice. */
    public UUID completed(AssessmentCompletedV1 assessment, UUID eventId) {
        return publish(Topics.ASSESSMENTS, assessment.participantId().toString(), AssessmentCompletedV1.TYPE,
                assessment, eventId);
    }

    public UUID invitationSent(UUID matchId, UUID participantId) {
        Instant now = Instant.now();
        return publish(Topics.INVITATIONS, matchId.toString(), InvitationSentV1.TYPE,
                new InvitationSentV1(UUID.randomUUID(), matchId, participantId, "<" + UUID.randomUUID() + "@test>",
                        now, now.plusSeconds(7 * 24 * 3600)), UUID.randomUUID());
    }

    public UUID invitationResponded(UUID matchId, UUID participantId, InvitationRespondedV1.Answer answer,
            String reason) {
        return publish(Topics.INVITATIONS, matchId.toString(), InvitationRespondedV1.TYPE,
                new InvitationRespondedV1(UUID.randomUUID(), matchId, participantId, answer, reason, Instant.now()),
                UUID.randomUUID());
    }

    public UUID invitationExpired(UUID matchId, UUID participantId) {
        return publish(Topics.INVITATIONS, matchId.toString(), InvitationExpiredV1.TYPE,
                new InvitationExpiredV1(UUID.randomUUID(), matchId, participantId, Instant.now()), UUID.randomUUID());
    }

    /** With a chosen event id, to deliver the very same event twice. */
    public UUID erased(ParticipantErasedV1 erasure, UUID eventId) {
        return publish(Topics.PARTICIPANTS, erasure.participantId().toString(), ParticipantErasedV1.TYPE, erasure,
                eventId);
    }

    /** Sends and waits for the broker's acknowledgement, so a test knows the event is on the topic. */
    public UUID publish(String topic, String key, String type, Object payload, UUID eventId) {
        return publish(topic, key, type, payload, eventId, null);
    }

    private UUID publish(String topic, String key, String type, Object payload, UUID eventId, String traceParent) {
        try {
            RecordHeaders headers = new RecordHeaders();
            headers.add("ce_specversion", bytes("1.0"));
            headers.add("ce_id", bytes(eventId.toString()));
            headers.add("ce_type", bytes(type));
            headers.add("ce_source", bytes("/sparks/matching-service-tests"));
            headers.add("ce_subject", bytes(key));
            headers.add("ce_time", bytes(Instant.now().toString()));
            headers.add("content-type", bytes("application/json"));
            if (traceParent != null) {
                headers.add("traceparent", bytes(traceParent));
            }
            producer.send(new ProducerRecord<>(topic, null, key, JSON.writeValueAsBytes(payload), headers))
                    .get(30, TimeUnit.SECONDS);
            return eventId;
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + type + " to " + topic, e);
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public void close() {
        producer.close();
    }
}
