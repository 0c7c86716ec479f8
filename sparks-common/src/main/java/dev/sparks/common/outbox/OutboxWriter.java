package dev.sparks.common.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sparks.common.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Instant;
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

    public OutboxWriter(EntityManager entityManager, EventJson json, TransactionSynchronizationRegistry transactions,
            OutboxRelay relay) {
        this.entityManager = entityManager;
        this.json = json;
        this.transactions = transactions;
        this.relay = relay;
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
        try {
            event.payload = json.write(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event payload of " + type + " cannot be serialised", e);
        }
        entityManager.persist(event);
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        return event.eventId;
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
