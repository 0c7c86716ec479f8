package dev.sparks.matching.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class WaitingListRepository implements PanacheRepositoryBase<WaitingEntry, UUID> {

    /** Puts the participant on the list, or refreshes the reason; the place in the queue ({@code since}) is kept. */
    public void enter(UUID participantId, WaitingEntry.Status status, String reason) {
        getEntityManager().createNativeQuery("insert into waiting_list (participant_id, status, reason, since,"
                        + " last_tried_at) values (?1, ?2, ?3, now(), now()) on conflict (participant_id) do update"
                        + " set status = excluded.status, reason = excluded.reason, last_tried_at = now()")
                .setParameter(1, participantId)
                .setParameter(2, status.name())
                .setParameter(3, reason)
                .executeUpdate();
    }

    public void leave(UUID participantId) {
        delete("participantId", participantId);
    }

    /** Waiting participants, oldest first. */
    public List<UUID> waitingOldestFirst(int limit) {
        return getEntityManager().createQuery("select w.participantId from WaitingEntry w where w.status = ?1"
                        + " order by w.since, w.participantId", UUID.class)
                .setParameter(1, WaitingEntry.Status.WAITING)
                .setMaxResults(limit)
                .getResultList();
    }

    /**
     * Locks the participant's waiting row unless another replica is already matching them: then empty, and
     * this replica moves on to the next participant instead of waiting.
     */
    public Optional<WaitingEntry> lockIfWaiting(UUID participantId) {
        @SuppressWarnings("unchecked")
        List<WaitingEntry> rows = getEntityManager().createNativeQuery("select * from waiting_list"
                        + " where participant_id = ?1 and status = 'WAITING' for update skip locked", WaitingEntry.class)
                .setParameter(1, participantId)
                .getResultList();
        return rows.stream().findFirst();
    }

    public List<WaitingEntry> page(WaitingEntry.Status status, int offset, int limit) {
        Sort order = Sort.ascending("since").and("participantId");
        return (status == null ? findAll(order) : find("status", order, status))
                .range(offset, offset + limit - 1).list();
    }

    public long count(WaitingEntry.Status status) {
        return status == null ? count() : count("status", status);
    }

    public long waitingCount() {
        return count("status", WaitingEntry.Status.WAITING);
    }
}
