package dev.sparks.common.outbox;

import dev.sparks.common.config.EventsConfig;
import dev.sparks.common.events.CloudEventHeaders;
import dev.sparks.common.tracing.EventTracing;
import dev.sparks.common.work.WakeableWorker;
import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

/**
 * Moves committed outbox rows to Kafka, oldest first, and deletes them once the broker has acknowledged them.
 *
 * <p>Safe with several replicas: a batch runs inside a transaction that holds a PostgreSQL advisory lock, so only
 * one replica publishes at a time, and the next batch (on any replica) starts only after the previous one was
 * acknowledged and deleted. Events of one key therefore reach their partition in the order they were written.
 * If the relay dies after the broker acknowledged a batch but before the delete committed, that batch is sent
 * again: delivery is at least once, and consumers drop the repeat by its {@code ce_id} (see the inbox).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** One lock for the outbox of each database; the services have a database each. */
    static final long LOCK_KEY = 0x5350_4152_4B53L;
    private static final long BACKLOG_REFRESH_MILLIS = 5_000;

    /** Sends one record; the relay's own producer in production, a failing one in the tests that cut it. */
    @FunctionalInterface
    public interface RecordSender {
        Future<RecordMetadata> send(ProducerRecord<String, byte[]> record);
    }

    private final AgroalDataSource dataSource;
    private final EventPublisher publisher;
    private final EventsConfig config;
    private final EventTracing tracing;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestAgeMillis = new AtomicLong();
    private final Counter published;
    private final WakeableWorker worker;
    private volatile long backlogRefreshedAt;

    public OutboxRelay(AgroalDataSource dataSource, EventPublisher publisher, EventsConfig config,
            EventTracing tracing, MeterRegistry registry) {
        this.dataSource = dataSource;
        this.publisher = publisher;
        this.config = config;
        this.tracing = tracing;
        this.published = Counter.builder("sparks.outbox.published")
                .description("Events relayed from the outbox to Kafka").register(registry);
        // Measured from the table (committed rows only) by the relay's worker, also while publishing fails.
        Gauge.builder("sparks.outbox.backlog", backlog, AtomicLong::get)
                .description("Events written but not yet relayed").register(registry);
        Gauge.builder("sparks.outbox.oldest.age.seconds", oldestAgeMillis, age -> age.get() / 1000.0)
                .description("Age of the oldest event not yet relayed").register(registry);
        this.worker = new WakeableWorker("outbox-relay", config.outbox().pollInterval(),
                config.outbox().retryBackoff(), Duration.ZERO, LOG, this::relayPass);
    }

    void start(@Observes StartupEvent event) {
        if (config.outbox().relayEnabled()) {
            worker.start();
        }
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.stop();
    }

    /** Called after a transaction that wrote to the outbox commits, so events leave without waiting for the poll. */
    public void wake() {
        worker.wake();
    }

    /**
     * One pass of the worker: a batch, and a look at the backlog for the metrics when it is due, whether the batch
     * went out or failed (a broker outage is exactly when the backlog must show).
     */
    private boolean relayPass() throws Exception {
        try {
            return relayBatch() >= config.outbox().batchSize();
        } finally {
            if (System.currentTimeMillis() - backlogRefreshedAt >= BACKLOG_REFRESH_MILLIS) {
                measureBacklog();
            }
        }
    }

    /** Relays one batch with the service's producer. */
    public int relayBatch() throws Exception {
        return relayBatch(publisher::send);
    }

    /**
     * Relays up to one batch: returns how many events left, 0 when there was nothing to do or another replica
     * holds the lock. On any failure nothing is deleted and the whole batch is retried later.
     */
    public int relayBatch(RecordSender sender) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                if (!tryLock(connection)) {
                    connection.rollback();
                    return 0;
                }
                List<Row> rows = nextBatch(connection);
                if (rows.isEmpty()) {
                    connection.commit();
                    return 0;
                }
                List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
                List<Span> spans = new ArrayList<>(rows.size());
                try {
                    for (Row row : rows) {
                        Span span = tracing.startPublish(row.topic(), row.eventId(), row.type(), row.key(),
                                row.traceParent());
                        spans.add(span);
                        ProducerRecord<String, byte[]> record = row.toRecord(config.source());
                        tracing.inject(span, record.headers());
                        acks.add(sender.send(record));
                    }
                    long deadline = System.nanoTime() + config.outbox().sendTimeout().toNanos();
                    for (Future<RecordMetadata> ack : acks) {
                        ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    }
                    delete(connection, rows);
                    connection.commit();
                } catch (Exception e) {
                    spans.forEach(span -> span.setStatus(StatusCode.ERROR, "batch not published: " + e));
                    throw e;
                } finally {
                    spans.forEach(Span::end);
                }
                published.increment(rows.size());
                return rows.size();
            } catch (Exception e) {
                rollbackQuietly(connection);
                throw e;
            }
        }
    }

    private boolean tryLock(Connection connection) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, LOCK_KEY);
            try (ResultSet result = lock.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    private List<Row> nextBatch(Connection connection) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(
                "select id, event_id, topic, message_key, event_type, subject, payload::text, occurred_at,"
                        + " trace_parent from outbox_event order by id limit ?")) {
            select.setInt(1, config.outbox().batchSize());
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(result.getLong(1), result.getString(2), result.getString(3),
                            result.getString(4), result.getString(5), result.getString(6), result.getString(7),
                            result.getTimestamp(8).toInstant(), result.getString(9)));
                }
            }
        }
        return rows;
    }

    private void delete(Connection connection, List<Row> rows) throws SQLException {
        Long[] ids = rows.stream().map(Row::id).toArray(Long[]::new);
        try (PreparedStatement delete = connection.prepareStatement("delete from outbox_event where id = any(?)")) {
            Array array = connection.createArrayOf("bigint", ids);
            delete.setArray(1, array);
            delete.executeUpdate();
        }
    }

    /** Reads the backlog and the age of its oldest event for the gauges; the worker does this every few seconds. */
    public void measureBacklog() {
        long now = System.currentTimeMillis();
        backlogRefreshedAt = now;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "select count(*), min(occurred_at) from outbox_event");
                ResultSet result = query.executeQuery()) {
            if (result.next()) {
                backlog.set(result.getLong(1));
                Timestamp oldest = result.getTimestamp(2);
                oldestAgeMillis.set(oldest == null ? 0 : Math.max(0, now - oldest.getTime()));
            }
        } catch (SQLException e) {
            LOG.debugf("Outbox backlog not measured: %s", e.toString());
        }
    }

    private static void rollbackQuietly(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; closing it discards the transaction anyway
        }
    }

    private record Row(long id, String eventId, String topic, String key, String type, String subject,
            String payload, Instant occurredAt, String traceParent) {

        ProducerRecord<String, byte[]> toRecord(String source) {
            RecordHeaders headers = new RecordHeaders();
            headers.add(CloudEventHeaders.SPEC_VERSION, bytes("1.0"));
            headers.add(CloudEventHeaders.ID, bytes(eventId));
            headers.add(CloudEventHeaders.TYPE, bytes(type));
            headers.add(CloudEventHeaders.SOURCE, bytes(source));
            if (subject != null) {
                headers.add(CloudEventHeaders.SUBJECT, bytes(subject));
            }
            headers.add(CloudEventHeaders.TIME, bytes(occurredAt.toString()));
            headers.add(CloudEventHeaders.CONTENT_TYPE, bytes("application/json"));
            if (traceParent != null) {
                headers.add(CloudEventHeaders.CE_TRACE_PARENT, bytes(traceParent));
            }
            return new ProducerRecord<>(topic, null, key, bytes(payload), headers);
        }

        private static byte[] bytes(String text) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }
}
