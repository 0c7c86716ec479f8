package dev.sparks.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class NotificationRepository implements PanacheRepositoryBase<Notification, UUID> {

    /** What the admin listing may filter by; null means any. */
    public record Filter(String recipient, UUID matchId, NotificationKind kind, NotificationStatus status) {
    }

    public Optional<Notification> findByMatchAndKind(UUID matchId, NotificationKind kind) {
        return find("matchId = ?1 and kind = ?2", matchId, kind).firstResultOptional();
    }

    /**
     * The next email due, locked for the caller's transaction; rows another sender is claiming right now are
     * skipped, and a claimed row is not due again until its lease has passed (see MailDelivery), so each email is in
     * exactly one sender's hands.
     */
    @SuppressWarnings("unchecked")
    public Optional<Notification> claimNextDue(Instant now) {
        List<Notification> due = getEntityManager().createNativeQuery(
                        "select * from notification where status = 'PENDING' and next_attempt_at <= ?1"
                                + " order by next_attempt_at limit 1 for update skip locked", Notification.class)
                .setParameter(1, now)
                .getResultList();
        return due.stream().findFirst();
    }

    /** Stops the invitation's mail that has not gone out yet (the invitation itself, the reminder). */
    public int cancelPendingInvitationMail(UUID matchId) {
        return update("status = ?1 where matchId = ?2 and status = ?3 and kind in ?4", NotificationStatus.CANCELLED,
                matchId, NotificationStatus.PENDING, List.of(NotificationKind.INVITATION, NotificationKind.REMINDER));
    }

    /**
     * Queues the one reminder of every open invitation whose email went out before {@code sentBefore}. The unique
     * (match, kind) key makes a second reminder impossible, whichever replica runs this and however often.
     */
    public int queueReminders(Instant now, Instant sentBefore, String messageIdDomain) {
        return getEntityManager().createNativeQuery("""
                        insert into notification (id, match_id, invitation_id, kind, recipient_email, recipient_name,
                                                  details, status, attempts, next_attempt_at, created_at, message_id,
                                                  participant_id)
                        select r.id, r.match_id, r.invitation_id, 'REMINDER', r.recipient_email, r.recipient_name,
                               r.details, 'PENDING', 0, ?1, ?1, '<' || r.id || '@' || ?3 || '>', r.participant_id
                        from (select gen_random_uuid() as id, i.match_id, i.id as invitation_id,
                                     n.recipient_email, n.recipient_name, n.details, i.participant_id
                              from invitation i
                              join notification n on n.match_id = i.match_id and n.kind = 'INVITATION'
                              where i.status = 'OPEN' and i.expires_at > ?1
                                and n.status = 'SENT' and n.sent_at <= ?2
                                and not exists (select 1 from notification r
                                                where r.match_id = i.match_id and r.kind = 'REMINDER')) r
                        on conflict (match_id, kind) do nothing
                        """)
                .setParameter(1, now)
                .setParameter(2, sentBefore)
                .setParameter(3, messageIdDomain)
                .executeUpdate();
    }

    public PanacheQuery<Notification> search(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (filter.recipient() != null) {
            where.append(" and recipientEmail = :recipient");
            parameters.put("recipient", filter.recipient().trim().toLowerCase(Locale.ROOT));
        }
        if (filter.matchId() != null) {
            where.append(" and matchId = :matchId");
            parameters.put("matchId", filter.matchId());
        }
        if (filter.kind() != null) {
            where.append(" and kind = :kind");
            parameters.put("kind", filter.kind());
        }
        if (filter.status() != null) {
            where.append(" and status = :status");
            parameters.put("status", filter.status());
        }
        return find(where.toString(), Sort.descending("createdAt").and("id"), parameters).page(Page.of(page, size));
    }
}
