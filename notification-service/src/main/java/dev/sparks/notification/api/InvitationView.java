package dev.sparks.notification.api;

import dev.sparks.notification.domain.Invitation;
import dev.sparks.notification.domain.InvitationStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An invitation as its link holder sees it: no email addresses, nothing the link holder did not receive by mail. */
@Schema(name = "Invitation")
public record InvitationView(
        UUID matchId,
        @Schema(description = "OPEN until answered; ACCEPTED, DECLINED, EXPIRED or WITHDRAWN afterwards")
        InvitationStatus status,
        String participantName,
        String mentorName,
        Instant expiresAt,
        @Schema(description = "When the invitation was answered or otherwise closed")
        Instant closedAt) {

    static InvitationView of(Invitation invitation) {
        return new InvitationView(invitation.matchId, invitation.status, invitation.participantName,
                invitation.mentorName, invitation.expiresAt, invitation.closedAt);
    }
}
