package dev.sparks.notification.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.UUID;

/** The participants erased so far (participant.erased.v1): events about them must not bring them back. */
@ApplicationScoped
public class ErasedParticipants {

    private final EntityManager entityManager;

    public ErasedParticipants(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public boolean isErased(UUID participantId) {
        return participantId != null && !entityManager.createNativeQuery(
                        "select 1 from erased_participant where participant_id = ?1")
                .setParameter(1, participantId).getResultList().isEmpty();
    }

    /** @return false when the participant was recorded before */
    public boolean record(UUID participantId, Instant erasedAt) {
        return entityManager.createNativeQuery("insert into erased_participant (participant_id, erased_at)"
                        + " values (?1, ?2) on conflict (participant_id) do nothing")
                .setParameter(1, participantId)
                .setParameter(2, erasedAt)
                .executeUpdate() == 1;
    }
}
