package dev.sparks.matching.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.hibernate.jpa.HibernateHints;

/**
 * The mentor read model, and the capacity guard: a reservation is one conditional update, so the database
 * decides who gets the last unit of a mentor's capacity however many threads and replicas race for it.
 */
@ApplicationScoped
public class MentorRepository implements PanacheRepositoryBase<Mentor, UUID> {

    /** Whether a mentor takes new mentees, in SQL; the same rule as {@link Mentor#accepting}. */
    public static final String ACCEPTING = "not retired and (availability = 'ACCEPTING'"
            + " or (availability = 'PAUSED' and paused_until <= current_date))";

    public Optional<Mentor> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The mentors who are not retired and speak one of the languages, as candidates for one decision, in one
     * query. Mentors at capacity or paused are included so a participant who has to wait is told why. The rows
     * are detached at once: a second round in the same transaction must see fresh reserved counts, not the first
     * round's cached entities.
     */
    public List<MentorCandidate> candidates(LocalDate today, List<String> languages) {
        if (languages.isEmpty()) {
            return List.of();
        }
        return toCandidates(getEntityManager()
                .createQuery("from Mentor where retired = false and array_intersects(languages, :languages)"
                        + " order by id", Mentor.class)
                .setParameter("languages", languages.toArray(String[]::new)), today);
    }

    /** Every mentor who is not retired: the snapshot one waiting-list pass ranks everyone against. */
    public List<MentorCandidate> candidates(LocalDate today) {
        return toCandidates(getEntityManager()
                .createQuery("from Mentor where retired = false order by id", Mentor.class), today);
    }

    private List<MentorCandidate> toCandidates(TypedQuery<Mentor> query, LocalDate today) {
        var entityManager = getEntityManager();
        List<Mentor> rows = query.setHint(HibernateHints.HINT_READ_ONLY, true).getResultList();
        List<MentorCandidate> candidates = new ArrayList<>(rows.size());
        for (Mentor mentor : rows) {
            candidates.add(mentor.toCandidate(today));
            entityManager.detach(mentor);
        }
        return candidates;
    }

    /**
     * Takes one unit of the mentor's capacity if they are accepting and have one free; false when another
     * transaction took the last unit first. The row stays locked until the caller's transaction ends.
     */
    public boolean reserve(UUID mentorId) {
        return getEntityManager().createNativeQuery("update mentor set reserved = reserved + 1"
                        + " where id = ?1 and reserved < capacity and " + ACCEPTING)
                .setParameter(1, mentorId)
                .executeUpdate() == 1;
    }

    /** A program-admin's override may set aside availability, never capacity. */
    public boolean reserveIgnoringAvailability(UUID mentorId) {
        return getEntityManager().createNativeQuery("update mentor set reserved = reserved + 1"
                        + " where id = ?1 and reserved < capacity")
                .setParameter(1, mentorId)
                .executeUpdate() == 1;
    }

    public void release(UUID mentorId) {
        getEntityManager().createNativeQuery("update mentor set reserved = reserved - 1 where id = ?1 and reserved > 0")
                .setParameter(1, mentorId)
                .executeUpdate();
    }

    /** Whether any mentor could take a mentee now: the waiting list is not worth a pass otherwise. */
    public boolean anyFreeCapacity() {
        return ((Boolean) getEntityManager().createNativeQuery(
                "select exists (select 1 from mentor where reserved < capacity and " + ACCEPTING + ")")
                .getSingleResult());
    }
}
