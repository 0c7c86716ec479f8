package dev.sparks.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class InvitationRepository implements PanacheRepositoryBase<Invitation, UUID> {

    public Optional<Invitation> findByMatch(UUID matchId) {
        return find("matchId", matchId).firstResultOptional();
    }

    /** The invitation a link answers, or empty for a token never issued. */
    public Optional<Invitation> findByTokenHash(String tokenHash) {
        return find("id = (select l.invitationId from InvitationLink l where l.tokenHash = ?1)", tokenHash)
                .firstResultOptional();
    }

    /** Like {@link #findByTokenHash} and locks the invitation, so two answers at once are applied one after the other. */
    @SuppressWarnings("unchecked")
    public Optional<Invitation> lockByTokenHash(String tokenHash) {
        List<Invitation> found = getEntityManager().createNativeQuery(
                        "select i.* from invitation i join invitation_link l on l.invitation_id = i.id"
                                + " where l.token_hash = ?1 for update of i", Invitation.class)
                .setParameter(1, tokenHash)
                .getResultList();
        return found.stream().findFirst();
    }

    /** Open invitations whose time is up, locked; rows another replica is expiring right now are skipped. */
    @SuppressWarnings("unchecked")
    public List<Invitation> claimOverdue(Instant now, int limit) {
        return getEntityManager().createNativeQuery(
                        "select * from invitation where status = 'OPEN' and expires_at <= ?1"
                                + " order by expires_at limit ?2 for update skip locked", Invitation.class)
                .setParameter(1, now)
                .setParameter(2, limit)
                .getResultList();
    }
}
