package dev.sparks.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox against the real PostgreSQL and Kafka broker: nothing lost, nothing reordered per key. */
@QuarkusTest
class OutboxRelayTest {

    static final String TOPIC = "sparks.test.outbox";
    static final String TYPE = "test.sequenced.v1";
    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    OutboxWriter writer;
    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager entityManager;

    record Sequenced(String key, int sequence, String run) {
    }

    @BeforeEach
    void emptyOutbox() throws Exception {
        while (relay.relayBatch() > 0) {
            // drain what earlier tests left
        }
    }

    @Test
    void publishesEveryEventExactlyOnceInWriteOrderPerKey() throws Exception {
        String run = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.fromNow(TOPIC)) {
            List<UUID> written = writeEvents(run, 240, 8);

            int sent = 0;
            int batch;
            while ((batch = relay.relayBatch()) > 0) {
                sent += batch;
            }

            List<ConsumerRecord<String, byte[]>> received = probe.await(ofRun(run), 240, Duration.ofSeconds(30));
            assertThat(sent).isEqualTo(240);
            assertThat(received).hasSize(240);
            assertThat(ids(received)).containsExactlyInAnyOrderElementsOf(written);
            assertInOrderPerKey(received);
            assertThat(received).allSatisfy(record -> {
                assertThat(TopicProbe.header(record, "ce_type")).isEqualTo(TYPE);
                assertThat(TopicProbe.header(record, "ce_source")).isEqualTo("/sparks/sparks-common-test");
                assertThat(TopicProbe.header(record, "ce_specversion")).isEqualTo("1.0");
                assertThat(TopicProbe.header(record, "ce_time")).isNotBlank();
                assertThat(TopicProbe.header(record, "content-type")).isEqualTo("application/json");
            });
            assertThat(probe.drain(ofRun(run), Duration.ofSeconds(2))).hasSize(240);
            assertThat(outboxSize()).isZero();
        }
    }

    @Test
    void relayThatDiesMidBatchLosesNothingAndKeepsOrder() throws Exception {
        String run = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.fromNow(TOPIC)) {
            List<UUID> written = writeEvents(run, 100, 5);
            AtomicInteger sends = new AtomicInteger();

            // The relay's process dies after the broker took 40 records, before the outbox rows were deleted.
            assertThatThrownBy(() -> relay.relayBatch(record -> {
                if (sends.incrementAndGet() > 40) {
                    throw new IllegalStateException("relay killed mid-batch");
                }
                return relayProducer().send(record);
            })).hasMessageContaining("killed");
            assertThat(outboxSize()).isEqualTo(100);

            while (relay.relayBatch() > 0) {
                // a restarted relay sends the whole batch again
            }

            List<ConsumerRecord<String, byte[]>> received = probe.await(ofRun(run), 140, Duration.ofSeconds(30));
            assertThat(new LinkedHashSet<>(ids(received))).containsExactlyInAnyOrderElementsOf(written);
            assertThat(received).hasSize(140);
            assertInOrderPerKey(firstDeliveries(received));
            assertThat(outboxSize()).isZero();
        }
    }

    @Test
    void twoRelaysRacingPublishEachEventOnceInOrder() throws Exception {
        String run = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.fromNow(TOPIC)) {
            List<UUID> written = writeEvents(run, 300, 6);
            ExecutorService replicas = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> results = new ArrayList<>();
                for (int replica = 0; replica < 2; replica++) {
                    results.add(replicas.submit(() -> {
                        int total = 0;
                        while (outboxSize() > 0) {
                            total += relay.relayBatch();
                        }
                        return total;
                    }));
                }
                int total = 0;
                for (Future<Integer> result : results) {
                    total += result.get();
                }
                assertThat(total).isEqualTo(300);
            } finally {
                replicas.shutdownNow();
            }
            List<ConsumerRecord<String, byte[]>> received = probe.await(ofRun(run), 300, Duration.ofSeconds(30));
            assertThat(probe.drain(ofRun(run), Duration.ofSeconds(2))).hasSize(300);
            assertThat(ids(received)).containsExactlyInAnyOrderElementsOf(written);
            assertInOrderPerKey(received);
        }
    }

    @Test
    void bulkWrittenEventsArePublishedOnceInListOrderPerKey() throws Exception {
        String run = UUID.randomUUID().toString();
        try (TopicProbe probe = TopicProbe.fromNow(TOPIC)) {
            List<OutboxWriter.Outgoing> events = new ArrayList<>();
            Map<String, Integer> sequence = new HashMap<>();
            for (int i = 0; i < 620; i++) {
                String key = run + "-" + (i % 7);
                int next = sequence.merge(key, 1, Integer::sum);
                events.add(new OutboxWriter.Outgoing(TOPIC, key, TYPE, run, new Sequenced(key, next, run)));
            }
            List<UUID> written = QuarkusTransaction.requiringNew().call(() -> writer.writeAll(events));

            while (relay.relayBatch() > 0) {
                // drain
            }

            List<ConsumerRecord<String, byte[]>> received = probe.await(ofRun(run), 620, Duration.ofSeconds(30));
            assertThat(probe.drain(ofRun(run), Duration.ofSeconds(2))).hasSize(620);
            assertThat(ids(received)).containsExactlyInAnyOrderElementsOf(written);
            assertInOrderPerKey(received);
        }
    }

    @Test
    void writingOutsideATransactionIsRefused() {
        assertThatThrownBy(() -> writer.write(TOPIC, "k", TYPE, "s", new Sequenced("k", 1, "none")))
                .isInstanceOf(jakarta.transaction.TransactionalException.class);
    }

    private EventPublisher relayProducer() {
        return io.quarkus.arc.Arc.container().instance(EventPublisher.class).get();
    }

    /** Writes events in several transactions, each with a sequence number per key. */
    private List<UUID> writeEvents(String run, int count, int keys) {
        List<UUID> ids = new ArrayList<>();
        Map<String, Integer> sequence = new HashMap<>();
        for (int start = 0; start < count; start += 20) {
            int from = start;
            QuarkusTransaction.requiringNew().run(() -> {
                for (int i = from; i < Math.min(count, from + 20); i++) {
                    String key = run + "-" + (i % keys);
                    int next = sequence.merge(key, 1, Integer::sum);
                    ids.add(writer.write(TOPIC, key, TYPE, run, new Sequenced(key, next, run)));
                }
            });
        }
        return ids;
    }

    private long outboxSize() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager
                .createNativeQuery("select count(*) from outbox_event").getSingleResult()).longValue());
    }

    private static java.util.function.Predicate<ConsumerRecord<String, byte[]>> ofRun(String run) {
        return record -> run.equals(TopicProbe.header(record, "ce_subject"));
    }

    private static List<UUID> ids(List<ConsumerRecord<String, byte[]>> records) {
        return records.stream().map(r -> UUID.fromString(TopicProbe.header(r, "ce_id"))).toList();
    }

    /** What an idempotent consumer applies: the first delivery of each event id. */
    private static List<ConsumerRecord<String, byte[]>> firstDeliveries(List<ConsumerRecord<String, byte[]>> records) {
        Set<String> seen = new java.util.HashSet<>();
        return records.stream().filter(r -> seen.add(TopicProbe.header(r, "ce_id"))).toList();
    }

    private static void assertInOrderPerKey(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        Map<String, List<Integer>> perKey = new HashMap<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            JsonNode payload = JSON.readTree(record.value());
            assertThat(payload.get("key").asText()).isEqualTo(record.key());
            perKey.computeIfAbsent(record.key(), k -> new ArrayList<>()).add(payload.get("sequence").asInt());
        }
        perKey.forEach((key, sequence) -> assertThat(sequence).as("order of key %s", key).isSorted());
    }
}
