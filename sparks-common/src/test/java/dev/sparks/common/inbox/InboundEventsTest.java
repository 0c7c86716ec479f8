package dev.sparks.common.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.TopicProbe;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.api.Test;

/** The idempotent consumer against the real PostgreSQL, with dead letters on the real broker. */
@QuarkusTest
class InboundEventsTest {

    static final String TYPE = "test.effect-requested.v1";

    @Inject
    InboundEvents inbound;
    @Inject
    EntityManager entityManager;

    record EffectRequested(String note) {
    }

    private final EventRoutes routes = EventRoutes.create()
            .on(TYPE, EffectRequested.class, (event, payload) -> entityManager
                    .createNativeQuery("insert into test_effect (event_id) values (?1)")
                    .setParameter(1, event.id())
                    .executeUpdate());

    @Test
    void sameEventTwiceIsAppliedOnce() {
        UUID id = UUID.randomUUID();
        ConsumerRecord<String, byte[]> record = record(id, TYPE, "{\"note\":\"hello\"}", 7);

        inbound.handle(record, routes);
        inbound.handle(record, routes);

        assertThat(effects(id)).isEqualTo(1);
    }

    @Test
    void sameEventOnTwoConsumersAtOnceIsAppliedOnce() throws Exception {
        List<UUID> ids = new ArrayList<>();
        ExecutorService consumers = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 20; i++) {
                UUID id = UUID.randomUUID();
                ids.add(id);
                ConsumerRecord<String, byte[]> record = record(id, TYPE, "{\"note\":\"race\"}", i);
                List<Future<?>> both = List.of(consumers.submit(() -> inbound.handle(record, routes)),
                        consumers.submit(() -> inbound.handle(record, routes)));
                for (Future<?> done : both) {
                    done.get();
                }
            }
        } finally {
            consumers.shutdownNow();
        }
        assertThat(ids).allSatisfy(id -> assertThat(effects(id)).isEqualTo(1));
    }

    @Test
    void eventsOfOtherTypesAreSkipped() {
        UUID id = UUID.randomUUID();
        inbound.handle(record(id, "test.something-else.v1", "{}", 1), routes);
        assertThat(effects(id)).isZero();
        assertThat(processed(id)).isZero();
    }

    @Test
    void unreadablePayloadGoesToTheDeadLetterTopicAndChangesNothing() {
        UUID id = UUID.randomUUID();
        try (TopicProbe deadLetters = TopicProbe.fromNow(Topics.DEAD_LETTERS)) {
            inbound.handle(record(id, TYPE, "{not json", 3), routes);

            List<ConsumerRecord<String, byte[]>> dead = deadLetters.await(
                    r -> id.toString().equals(TopicProbe.header(r, "ce_id")), 1, Duration.ofSeconds(20));
            assertThat(dead).hasSize(1);
            assertThat(TopicProbe.header(dead.get(0), "dlq_original_topic")).isEqualTo("sparks.test.inbox");
            assertThat(TopicProbe.header(dead.get(0), "dlq_reason")).contains("unreadable");
            assertThat(TopicProbe.value(dead.get(0))).isEqualTo("{not json");
        }
        assertThat(effects(id)).isZero();
        assertThat(processed(id)).isZero();
    }

    @Test
    void handlerThatKeepsFailingIsDeadLetteredAfterBoundedAttempts() {
        UUID id = UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();
        EventRoutes failing = EventRoutes.create().on(TYPE, EffectRequested.class, (event, payload) -> {
            attempts.incrementAndGet();
            entityManager.createNativeQuery("insert into test_effect (event_id) values (?1)")
                    .setParameter(1, event.id()).executeUpdate();
            throw new IllegalStateException("handler bug");
        });
        try (TopicProbe deadLetters = TopicProbe.fromNow(Topics.DEAD_LETTERS)) {
            inbound.handle(record(id, TYPE, "{\"note\":\"poison\"}", 4), failing);
            assertThat(deadLetters.await(r -> id.toString().equals(TopicProbe.header(r, "ce_id")), 1,
                    Duration.ofSeconds(20))).hasSize(1);
        }
        assertThat(attempts).hasValue(2);
        // every failed attempt rolled back, its inbox record included, so a replay of the dead letter applies it
        assertThat(effects(id)).isZero();
        assertThat(processed(id)).isZero();
    }

    @Test
    void databaseOutagesAreTransientAndHandlerBugsAreNot() {
        assertThat(InboundEvents.isTransient(new JDBCConnectionException("down", new SQLException("x", "08006"))))
                .isTrue();
        assertThat(InboundEvents.isTransient(new RuntimeException(new SQLTransientConnectionException("pool"))))
                .isTrue();
        assertThat(InboundEvents.isTransient(new RuntimeException(new SQLException("deadlock", "40P01")))).isTrue();
        assertThat(InboundEvents.isTransient(new IllegalStateException("bug"))).isFalse();
        assertThat(InboundEvents.isTransient(new RuntimeException(new SQLException("unique", "23505")))).isFalse();
    }

    private long effects(UUID id) {
        return count("select count(*) from test_effect where event_id = ?1", id);
    }

    private long processed(UUID id) {
        return count("select count(*) from processed_event where event_id = ?1", id);
    }

    private long count(String sql, UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, id).getSingleResult()).longValue());
    }

    private static ConsumerRecord<String, byte[]> record(UUID id, String type, String payload, long offset) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(id.toString()));
        headers.add("ce_type", bytes(type));
        headers.add("ce_source", bytes("/sparks/test"));
        headers.add("ce_time", bytes("2026-11-28T10:00:00Z"));
        return new ConsumerRecord<>("sparks.test.inbox", 0, offset, 0L, TimestampType.CREATE_TIME, 0, 0,
                "key-" + id, bytes(payload), headers, java.util.Optional.empty());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
