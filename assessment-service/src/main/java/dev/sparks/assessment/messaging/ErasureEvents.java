package dev.sparks.assessment.messaging;

import dev.sparks.common.events.ParticipantErasedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code participant.erased.v1}, and the outbox's part in an erasure; inside the erasing transaction. */
@ApplicationScoped
public class ErasureEvents {

    private final OutboxWriter outbox;
    private final EntityManager entityManager;

    public ErasureEvents(OutboxWriter outbox, EntityManager entityManager) {
        this.outbox = outbox;
        this.entityManager = entityManager;
    }

    /**
     * Drops the participant's events that have not left yet (an assessment.completed.v1 carries name and email):
     * they would deliver the data after the erasure. Events already relayed are gone from the outbox anyway.
     * The relay deletes a row only after Kafka acknowledged it, so a row it is sending right now either left
     * before the erasure event (same relay order) or is dropped here; never after.
     *
     * @return how many pending events were dropped
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int dropPending(UUID participantId) {
        return entityManager.createNativeQuery("delete from outbox_event where message_key = ?1")
                .setParameter(1, participantId.toString())
                .executeUpdate();
    }

    /** Keyed by participant id on sparks.participants, so it follows the participant's earlier events there. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID erased(UUID participantId, List<String> identifierDigests, Instant erasedAt) {
        return outbox.write(Topics.PARTICIPANTS, participantId.toString(), ParticipantErasedV1.TYPE,
                participantId.toString(), new ParticipantErasedV1(participantId, identifierDigests, erasedAt));
    }
}
