package dev.sparks.notification.api;

import dev.sparks.notification.domain.Invitation;
import dev.sparks.notification.domain.InvitationStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An invitation as its link holder sees it: no email addresses, nothing the link holder did not receive by mail. */
@Schema(name = "Invitation")
public record InvitationView(
        @Schema(examples = "c2a7e915-4d8b-4b3f-8e6a-1f0d9b7c5e24") UUID matchId,
        @Schema(description = "OPEN until answered; ACCEPTED, DECLINED, EXPIRED or WITHDRAWN afterwards",
                examples = "OPEN")
        InvitationStatus status,
        @Schema(examples = "Ada Lovelace") String participantName,
        @Schema(examples = "Maya Lindqvist") String mentorName,
        Instant expiresAt,
        @Schema(description = "When the invitation was answered or otherwise closed")
        Instant closedAt) {

    static InvitationView of(Invitation invitation) {
        return new InvitationView(invitation.matchId, invitation.status, invitation.participantName,
                invitation.mentorName, invitation.expiresAt, invitation.closedAt);
    }
}
