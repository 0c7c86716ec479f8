package dev.sparks.matching.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.UUID;

/**
 * Participants waiting for the next cohort run (cohort mode). A separate table from the waiting list, so the
 * waiting-list drain, which matches first come, first served, never takes them.
 */
@ApplicationScoped
public class CohortPool {

    private final EntityManager entityManager;

    public CohortPool(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Joins the pool; a participant already in it keeps their place. */
    public void enter(UUID participantId) {
        entityManager.createNativeQuery("insert into cohort_pool (participant_id, since) values (?1, now())"
                        + " on conflict (participant_id) do nothing")
                .setParameter(1, participantId)
                .executeUpdate();
    }

    public void leave(UUID participantId) {
        entityManager.createNativeQuery("delete from cohort_pool where participant_id = ?1")
                .setParameter(1, participantId)
                .executeUpdate();
    }

    public long size() {
        return ((Number) entityManager.createNativeQuery("select count(*) from cohort_pool").getSingleResult())
                .longValue();
    }

    /** Everyone in the pool in arrival order: the order greedy first-come matching would have served them. */
    @SuppressWarnings("unchecked")
    public List<UUID> oldestFirst() {
        return entityManager.createNativeQuery("select participant_id from cohort_pool order by since, participant_id")
                .getResultList();
    }

    public boolean contains(UUID participantId) {
        return !entityManager.createNativeQuery("select 1 from cohort_pool where participant_id = ?1")
                .setParameter(1, participantId).getResultList().isEmpty();
    }

    /** Locks the participant's pool row, unless they left the pool or another transaction holds it. */
    public boolean lock(UUID participantId) {
        return !entityManager.createNativeQuery("select participant_id from cohort_pool where participant_id = ?1"
                        + " for update skip locked")
                .setParameter(1, participantId).getResultList().isEmpty();
    }

    /** Notes what the last run did for those it left in the pool. */
    public void recordOutcome(List<UUID> participantIds, UUID runId, String outcome) {
        for (int from = 0; from < participantIds.size(); from += 1000) {
            entityManager.createNativeQuery("update cohort_pool set last_run_id = ?1, last_outcome = ?2"
                            + " where participant_id in (?3)")
                    .setParameter(1, runId)
                    .setParameter(2, outcome)
                    .setParameter(3, participantIds.subList(from, Math.min(participantIds.size(), from + 1000)))
                    .executeUpdate();
        }
    }

    /** Switching to cohort mode: waiting participants join the pool (keeping their place) instead of the drain. */
    public int takeWaitingList() {
        int moved = entityManager.createNativeQuery("insert into cohort_pool (participant_id, since)"
                + " select participant_id, since from waiting_list where status = 'WAITING'"
                + " on conflict (participant_id) do nothing").executeUpdate();
        entityManager.createNativeQuery("delete from waiting_list where status = 'WAITING'").executeUpdate();
        return moved;
    }

    /** Switching to immediate mode: the pool goes to the waiting list (keeping its place), where the drain matches it. */
    public int releaseToWaitingList() {
        int moved = entityManager.createNativeQuery("insert into waiting_list (participant_id, status, reason, since,"
                + " last_tried_at) select participant_id, 'WAITING', 'Cohort mode ended; waiting for a fitting mentor.',"
                + " since, now() from cohort_pool on conflict (participant_id) do nothing").executeUpdate();
        entityManager.createNativeQuery("delete from cohort_pool").executeUpdate();
        return moved;
    }
}
