package dev.sparks.common.inbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/**
 * The idempotent consumer's memory: the ids of the events this service has applied, written in the same
 * transaction as their effect, so an event redelivered after a crash or a rebalance is applied once.
 */
@ApplicationScoped
public class Inbox {

    private final EntityManager entityManager;

    public Inbox(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /**
     * Records the event as processed; false when it already was. A concurrent transaction recording the same id
     * makes this wait for it and then answer false.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean recordFirstDelivery(UUID eventId, String eventType) {
        int inserted = entityManager.createNativeQuery(
                        "insert into processed_event (event_id, event_type) values (?1, ?2) on conflict do nothing")
                .setParameter(1, eventId)
                .setParameter(2, eventType)
                .executeUpdate();
        return inserted == 1;
    }
}
