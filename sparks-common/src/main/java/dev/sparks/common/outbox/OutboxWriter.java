package dev.sparks.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sparks.common.events.EventJson;
import dev.sparks.common.tracing.EventTracing;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Records an event in the outbox as part of the caller's transaction, so the event exists exactly when the change
 * that caused it does. Refuses to run outside a transaction: "persist, then send" cannot be written by accident.
 */
@ApplicationScoped
public class OutboxWriter {

    private final EntityManager entityManager;
    private final EventJson json;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;
    private final EventTracing tracing;

    public OutboxWriter(EntityManager entityManager, EventJson json, TransactionSynchronizationRegistry transactions,
            OutboxRelay relay, EventTracing tracing) {
        this.entityManager = entityManager;
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
        this.tracing = tracing;
    }

    /**
     * @param key the aggregate id: events of one aggregate share a partition and stay in order
     * @return the event id ({@code ce_id})
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID write(String topic, String key, String type, String subject, Object payload) {
        OutboxEvent event = new OutboxEvent();
        event.eventId = UUID.randomUUID();
        event.topic = topic;
        event.messageKey = key;
        event.eventType = type;
        event.subject = subject;
        event.occurredAt = Instant.now();
        event.traceParent = tracing.currentTraceParent();
        try {
            event.payload = json.write(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload of " + type + " cannot be serialised", e);
        }
        entityManager.persist(event);
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        return event.eventId;
    }

    /** One event for {@link #writeAll}: the same parts as {@link #write}'s arguments. */
    public record Outgoing(String topic, String key, String type, String subject, Object payload) {
    }

    private static final int ROWS_PER_INSERT = 500;

    /**
     * Records many events in the caller's transaction with one multi-row INSERT per 500, in list order: for bulk
     * changes such as an HR import, where one INSERT per event would dominate. The identity key still follows the
     * list's order, so the relay publishes them in that order.
     *
     * @return the event ids, in list order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> writeAll(List<Outgoing> events) {
        List<UUID> ids = new ArrayList<>(events.size());
        Timestamp now = Timestamp.from(Instant.now());
        String traceParent = tracing.currentTraceParent();
        for (int from = 0; from < events.size(); from += ROWS_PER_INSERT) {
            List<Outgoing> chunk = events.subList(from, Math.min(events.size(), from + ROWS_PER_INSERT));
            StringBuilder sql = new StringBuilder("insert into outbox_event"
                    + " (event_id, topic, message_key, event_type, subject, payload, occurred_at, trace_parent) values ");
            for (int row = 0; row < chunk.size(); row++) {
                int p = row * 8;
                sql.append(row == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2)
                        .append(", ?").append(p + 3).append(", ?").append(p + 4).append(", ?").append(p + 5)
                        .append(", cast(?").append(p + 6).append(" as jsonb), ?").append(p + 7)
                        .append(", cast(?").append(p + 8).append(" as varchar))");
            }
            var insert = entityManager.createNativeQuery(sql.toString());
            for (int row = 0; row < chunk.size(); row++) {
                Outgoing event = chunk.get(row);
                UUID id = UUID.randomUUID();
                ids.add(id);
                int p = row * 8;
                insert.setParameter(p + 1, id)
                        .setParameter(p + 2, event.topic())
                        .setParameter(p + 3, event.key())
                        .setParameter(p + 4, event.type())
                        .setParameter(p + 5, event.subject())
                        .setParameter(p + 6, serialise(event))
                        .setParameter(p + 7, now)
                        .setParameter(p + 8, traceParent);
            }
            insert.executeUpdate();
        }
        if (!events.isEmpty()) {
            transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        }
        return ids;
    }

    private String serialise(Outgoing event) {
        try {
            return json.write(event.payload());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload of " + event.type() + " cannot be serialised", e);
        }
    }

    private record WakeRelayAfterCommit(OutboxRelay relay) implements Synchronization {
        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}
