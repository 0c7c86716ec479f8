package dev.sparks.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code invitation.expired.v1} on {@link Topics#INVITATIONS}, keyed by match id: the invitation's link expired
 * without an answer.
 */
public record InvitationExpiredV1(UUID invitationId, UUID matchId, UUID participantId, Instant expiredAt) {

    public static final String TYPE = "invitation.expired.v1";
}
