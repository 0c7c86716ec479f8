package dev.sparks.matching.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<Participant, UUID> {

    /** Whether the participant was erased: events and requests about them must not bring them back. */
    public boolean isErased(UUID participantId) {
        return participantId != null && !getEntityManager().createNativeQuery(
                        "select 1 from erased_participant where participant_id = ?1")
                .setParameter(1, participantId).getResultList().isEmpty();
    }
}
