package dev.sparks.mentor.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Mentors by id (UUID, hence {@code PanacheRepositoryBase}), by HR external id and by email. */
@ApplicationScoped
public class MentorRepository implements PanacheRepositoryBase<Mentor, UUID> {

    public Optional<Mentor> findByEmail(String email) {
        return find("email", email).firstResultOptional();
    }

    /** One query for a whole import batch. */
    public List<Mentor> findByExternalIds(Collection<String> externalIds) {
        return externalIds.isEmpty() ? List.of() : list("externalId in ?1", externalIds);
    }

    public List<Mentor> findByEmails(Collection<String> emails) {
        return emails.isEmpty() ? List.of() : list("email in ?1", emails);
    }

    /**
     * Mentors whose exclusions hold an entry with one of these digests ({@link
     * dev.sparks.common.events.ParticipantErasedV1#digest}), locked: an erased participant's email or external id.
     */
    @SuppressWarnings("unchecked")
    public List<Mentor> excluding(UUID participantId, List<String> digests) {
        if (digests.isEmpty()) {
            return List.of();
        }
        return getEntityManager().createNativeQuery("select * from mentor m where exists (select 1 from"
                        + " unnest(m.exclusions) e where encode(sha256(convert_to(?1 || ':' || lower(btrim(e)),"
                        + " 'UTF8')), 'hex') = any (string_to_array(?2, ','))) order by id for update", Mentor.class)
                .setParameter(1, participantId.toString())
                .setParameter(2, String.join(",", digests))
                .getResultList();
    }

    /** Paused mentors whose pause ended on or before {@code today}. */
    public List<Mentor> findExpiredPauses(LocalDate today) {
        return list("availability = dev.sparks.common.model.Availability.PAUSED and pausedUntil <= ?1", today);
    }

    /** One page of {@link MentorSearch} results in the listing's order, and how many match in all. */
    public SearchPage search(MentorSearch search, int offset, int limit) {
        var entityManager = getEntityManager();
        var select = entityManager.createNativeQuery(
                "select * from mentor" + search.where() + " order by lower(name), name, id limit :limit offset :offset",
                Mentor.class);
        var count = entityManager.createNativeQuery("select count(*) from mentor" + search.where());
        search.parameters().forEach((name, value) -> {
            select.setParameter(name, value);
            count.setParameter(name, value);
        });
        select.setParameter("limit", limit).setParameter("offset", offset);
        @SuppressWarnings("unchecked")
        List<Mentor> items = select.getResultList();
        long total = ((Number) count.getSingleResult()).longValue();
        return new SearchPage(items, total);
    }

    public record SearchPage(List<Mentor> items, long total) {
    }
}
