package dev.sparks.matching.domain;

import dev.sparks.common.model.MatchStatus;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class MatchRepository implements PanacheRepositoryBase<Match, UUID> {

    static final List<MatchStatus> HOLDING = List.of(MatchStatus.PROPOSED, MatchStatus.INVITED, MatchStatus.ACCEPTED);

    /** The participant's match that holds capacity, if any (the unique index allows one). */
    public Optional<Match> holdingFor(UUID participantId) {
        return find("participantId = ?1 and status in ?2", participantId, HOLDING).firstResultOptional();
    }

    /** Mentors this participant declined or let expire: never proposed to them again. */
    public Set<UUID> declinedOrExpiredMentors(UUID participantId) {
        return new HashSet<>(getEntityManager().createQuery(
                        "select m.mentorId from Match m where m.participantId = ?1 and m.status in ?2", UUID.class)
                .setParameter(1, participantId)
                .setParameter(2, List.of(MatchStatus.DECLINED, MatchStatus.EXPIRED))
                .getResultList());
    }

    /** The same for many participants in one query: participant id to the mentors they declined or let expire. */
    public java.util.Map<UUID, Set<UUID>> declinedOrExpiredMentors(java.util.Collection<UUID> participantIds) {
        java.util.Map<UUID, Set<UUID>> byParticipant = new java.util.HashMap<>();
        if (participantIds.isEmpty()) {
            return byParticipant;
        }
        getEntityManager().createQuery("select m.participantId, m.mentorId from Match m"
                        + " where m.participantId in ?1 and m.status in ?2", Object[].class)
                .setParameter(1, participantIds)
                .setParameter(2, List.of(MatchStatus.DECLINED, MatchStatus.EXPIRED))
                .getResultList()
                .forEach(row -> byParticipant.computeIfAbsent((UUID) row[0], id -> new HashSet<>()).add((UUID) row[1]));
        return byParticipant;
    }

    public long declines(UUID participantId) {
        return count("participantId = ?1 and status = ?2", participantId, MatchStatus.DECLINED);
    }

    /** Proposals and invitations whose answer is overdue. */
    public List<UUID> overdue(java.time.Instant now, int limit) {
        return getEntityManager().createQuery(
                        "select m.id from Match m where m.status in ?1 and m.expiresAt < ?2 order by m.expiresAt",
                        UUID.class)
                .setParameter(1, List.of(MatchStatus.PROPOSED, MatchStatus.INVITED))
                .setParameter(2, now)
                .setMaxResults(limit)
                .getResultList();
    }

    /** One page of matches in proposal order (newest first) under {@code where}; see {@link MatchFilter}. */
    public List<Match> page(MatchFilter filter, int offset, int limit) {
        return find(filter.where(), Sort.descending("proposedAt").and("id"), filter.parameters())
                .range(offset, offset + limit - 1).list();
    }

    public long count(MatchFilter filter) {
        return count(filter.where(), filter.parameters());
    }

    /**
     * Which matches a listing shows: the admin's filters, narrowed to the caller's own matches for participants
     * and mentors (by the email in their token).
     */
    public record MatchFilter(UUID participantId, UUID mentorId, MatchStatus status, String ownEmail) {

        String where() {
            StringBuilder where = new StringBuilder("1 = 1");
            if (participantId != null) {
                where.append(" and participantId = :participantId");
            }
            if (mentorId != null) {
                where.append(" and mentorId = :mentorId");
            }
            if (status != null) {
                where.append(" and status = :status");
            }
            if (ownEmail != null) {
                where.append(" and (participantId in (select p.id from Participant p where p.email = :email)"
                        + " or mentorId in (select t.id from Mentor t where t.email = :email))");
            }
            return where.toString();
        }

        Parameters parameters() {
            Parameters parameters = new Parameters();
            if (participantId != null) {
                parameters.and("participantId", participantId);
            }
            if (mentorId != null) {
                parameters.and("mentorId", mentorId);
            }
            if (status != null) {
                parameters.and("status", status);
            }
            if (ownEmail != null) {
                parameters.and("email", ownEmail);
            }
            return parameters;
        }
    }
}
