package dev.sparks.notification.domain;

import dev.sparks.common.events.ParticipantErasedV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * participant.erased.v1: no further email about the participant goes out, and nothing stored here names them.
 *
 * <p>In the event's transaction: the participant is recorded as erased (so a proposal or status change about them
 * that arrives later creates nothing); their open invitations are WITHDRAWN (closed by ERASURE) and their links
 * deleted, so a link in a mail already sent answers 404 like an unknown one; every email about them that has not
 * gone out (pending, retrying or failed, on either side, reminders included) is CANCELLED, so neither the sender nor
 * an admin's resend sends it; and names, addresses, decline reasons, rendered mail details and SMTP errors that may
 * quote an address are removed. The mentor's name and address on the same rows stay: the mentor was not erased.
 * A mail the sender is handing to the SMTP server at this moment was composed before and still goes out (its link
 * no longer opens anything); its row is anonymised here and recorded as SENT by the sender afterwards.
 */
@ApplicationScoped
public class ParticipantErasure {

    private static final Logger LOG = Logger.getLogger(ParticipantErasure.class);
    private static final List<String> TO_PARTICIPANT = List.of(NotificationKind.INVITATION.name(),
            NotificationKind.REMINDER.name(), NotificationKind.INTRODUCTION_PARTICIPANT.name());

    private final EntityManager entityManager;
    private final ErasedParticipants erased;

    public ParticipantErasure(EntityManager entityManager, ErasedParticipants erased) {
        this.entityManager = entityManager;
        this.erased = erased;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void onErased(ParticipantErasedV1 event) {
        UUID id = event.participantId();
        if (id == null) {
            throw new IllegalArgumentException("participant.erased.v1 without a participantId");
        }
        erased.record(id, event.erasedAt() == null ? Instant.now() : event.erasedAt());
        // An answer through a link at this moment holds the invitation's lock: its outcome stands.
        int withdrawn = entityManager.createNativeQuery("update invitation set status = ?2, closed_by = ?3,"
                        + " closed_at = ?4, version = version + 1 where participant_id = ?1 and status = 'OPEN'")
                .setParameter(1, id)
                .setParameter(2, InvitationStatus.WITHDRAWN.name())
                .setParameter(3, ClosedBy.ERASURE.name())
                .setParameter(4, Instant.now())
                .executeUpdate();
        int links = entityManager.createNativeQuery("delete from invitation_link where invitation_id in"
                        + " (select id from invitation where participant_id = ?1)")
                .setParameter(1, id).executeUpdate();
        entityManager.createNativeQuery("update invitation set participant_name = null, participant_email = null,"
                        + " decline_reason = null where participant_id = ?1")
                .setParameter(1, id).executeUpdate();
        String aboutThem = "(participant_id = ?1 or match_id in (select match_id from invitation"
                + " where participant_id = ?1))";
        int cancelled = entityManager.createNativeQuery("update notification set status = 'CANCELLED'"
                        + " where status in ('PENDING', 'FAILED') and " + aboutThem)
                .setParameter(1, id).executeUpdate();
        entityManager.createNativeQuery("update notification set participant_id = ?1, last_error = null,"
                        + " recipient_email = case when kind in (?2) then null else recipient_email end,"
                        + " recipient_name = case when kind in (?2) then null else recipient_name end,"
                        + " details = details || jsonb_build_object('participantName', null,"
                        + " 'participantEmail', null) where " + aboutThem)
                .setParameter(1, id)
                .setParameter(2, TO_PARTICIPANT)
                .executeUpdate();
        LOG.infof("Participant %s erased: %d invitations withdrawn, %d links deleted, %d emails cancelled", id,
                withdrawn, links, cancelled);
    }
}
