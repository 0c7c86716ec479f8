package dev.sparks.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code invitation.responded.v1} on {@link Topics#INVITATIONS}, keyed by match id: the participant answered the
 * invitation from its email link.
 */
public record InvitationRespondedV1(UUID invitationId, UUID matchId, UUID participantId, Answer answer,
        String reason, Instant respondedAt) {

    public static final String TYPE = "invitation.responded.v1";

    public enum Answer {
        ACCEPTED,
        DECLINED
    }
}
