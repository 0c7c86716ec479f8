package dev.sparks.notification.support;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sparks.common.events.CloudEventHeaders;
import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.events.MatchStatusChangedV1;
import dev.sparks.common.events.ParticipantErasedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.model.MatchStatus;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Puts real match events on the real broker, as matching-service would (and erasures, as assessment-service
 * would): CloudEvents headers, JSON data.
 *
 * <p>The service under test starts its consumer group at the end of the shared topic (other modules' tests fill it
 * with matches of their own), so each publish first waits until the group holds all partitions: an event sent
 * before that could fall before the starting point.
 */
public final class MatchEvents {

    /** The service's test consumer group of each topic (application.properties). */
    private static final Map<String, String> GROUPS = Map.of(Topics.MATCHES, "notification-service-test",
            Topics.PARTICIPANTS, "notification-service-test-participants");
    private static final String BOOTSTRAP = System.getenv().getOrDefault("SPARKS_KAFKA_BOOTSTRAP", "127.0.0.1:9092");

    private static final ObjectMapper JSON = new ObjectMapper().findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static KafkaProducer<String, byte[]> producer;

    private MatchEvents() {
    }

    /** A proposal with unique ids and addresses; names and bio as given. */
    public static MatchProposedV1 proposal(String participantName, String mentorName, String mentorBio) {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        return new MatchProposedV1(UUID.randomUUID(), UUID.randomUUID(), participantName,
                "participant-" + tag + "@sparks.test", UUID.randomUUID(), mentorName, "mentor-" + tag + "@sparks.test",
                mentorBio, 81.5,
                new MatchProposedV1.Explanation(List.of(new MatchProposedV1.ScorePart("growth fit", 42.5, 60)),
                        List.of("Strong where you want to grow: Communication", "Same field: Engineering")),
                1, Instant.now().truncatedTo(ChronoUnit.MILLIS), Instant.now().plus(14, ChronoUnit.DAYS),
                Instant.now().minus(5, ChronoUnit.MINUTES));
    }

    public static MatchProposedV1 proposal() {
        return proposal("Ada Lovelace", "Maya Mentor", "Engineering manager who loves helping people grow.");
    }

    public static MatchStatusChangedV1 statusChanged(MatchProposedV1 proposal, MatchStatus from, MatchStatus to) {
        return new MatchStatusChangedV1(proposal.matchId(), proposal.participantId(), proposal.participantName(),
                proposal.participantEmail(), proposal.mentorId(), proposal.mentorName(), proposal.mentorEmail(), from,
                to, null, Instant.now());
    }

    public static UUID publish(MatchProposedV1 proposal) {
        return publish(UUID.randomUUID(), MatchProposedV1.TYPE, proposal.matchId(), proposal);
    }

    /**
     * A proposal published as if from within a trace (its W3C traceparent in the record's headers), once the
     * consumer group {@code group} holds the topic's partitions.
     */
    public static UUID publishTraced(MatchProposedV1 proposal, String traceParent, String group) {
        return publish(Topics.MATCHES, UUID.randomUUID(), MatchProposedV1.TYPE, proposal.matchId(), proposal,
                traceParent, group);
    }

    public static UUID publish(MatchStatusChangedV1 change) {
        return publish(UUID.randomUUID(), MatchStatusChangedV1.TYPE, change.matchId(), change);
    }

    /** Sends one event with the given CloudEvents id (the same id twice is a redelivery) and waits for the ack. */
    public static synchronized UUID publish(UUID eventId, String type, UUID matchId, Object payload) {
        return publish(Topics.MATCHES, eventId, type, matchId, payload);
    }

    /** participant.erased.v1 as assessment-service publishes it, on sparks.participants keyed by participant id. */
    public static UUID publish(ParticipantErasedV1 erasure) {
        return publish(Topics.PARTICIPANTS, UUID.randomUUID(), ParticipantErasedV1.TYPE, erasure.participantId(),
                erasure);
    }

    private static synchronized UUID publish(String topic, UUID eventId, String type, UUID key, Object payload) {
        return publish(topic, eventId, type, key, payload, null, GROUPS.get(topic));
    }

    private static synchronized UUID publish(String topic, UUID eventId, String type, UUID key, Object payload,
            String traceParent, String group) {
        awaitConsumerAssigned(topic, group);
        try {
            RecordHeaders headers = new RecordHeaders();
            headers.add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"));
            headers.add(CloudEventHeaders.ID, bytes(eventId.toString()));
            headers.add(CloudEventHeaders.TYPE, bytes(type));
            headers.add(CloudEventHeaders.SOURCE, bytes("/sparks/matching-service"));
            headers.add(CloudEventHeaders.SUBJECT, bytes(key.toString()));
            headers.add(CloudEventHeaders.TIME, bytes(Instant.now().toString()));
            headers.add(CloudEventHeaders.CONTENT_TYPE, bytes("application/json"));
            if (traceParent != null) {
                headers.add(CloudEventHeaders.TRACE_PARENT, bytes(traceParent));
            }
            producer().send(new ProducerRecord<>(topic, null, key.toString(),
                    JSON.writeValueAsBytes(payload), headers)).get(30, TimeUnit.SECONDS);
            return eventId;
        } catch (Exception e) {
            throw new IllegalStateException("could not publish " + type, e);
        }
    }

    /** Waits (up to a minute) until the service's consumer group is stable and holds every partition of the topic. */
    private static void awaitConsumerAssigned(String topic, String group) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP))) {
            int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS)
                    .get(topic).partitions().size();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline) {
                ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                        .get(10, TimeUnit.SECONDS).get(group);
                long assigned = description.members().stream().map(MemberDescription::assignment)
                        .flatMap(assignment -> assignment.topicPartitions().stream())
                        .filter(partition -> partition.topic().equals(topic)).count();
                if (assigned >= partitions) {
                    return;
                }
                Thread.sleep(200);
            }
            throw new IllegalStateException("consumer group " + group + " never got the partitions of " + topic);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("could not describe consumer group " + group, e);
        }
    }

    private static KafkaProducer<String, byte[]> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                    BOOTSTRAP,
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
        }
        return producer;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
