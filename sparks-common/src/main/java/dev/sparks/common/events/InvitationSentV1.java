package dev.sparks.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code invitation.sent.v1} on {@link Topics#INVITATIONS}, keyed by match id: the SMTP server accepted the
 * invitation email for this match.
 */
public record InvitationSentV1(UUID invitationId, UUID matchId, UUID participantId, String messageId,
        Instant sentAt, Instant expiresAt) {

    public static final String TYPE = "invitation.sent.v1";
}
