package dev.sparks.notification.api;

import dev.sparks.notification.domain.Notification;
import dev.sparks.notification.domain.NotificationKind;
import dev.sparks.notification.domain.NotificationStatus;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One email as an admin sees it. */
@Schema(name = "Notification")
public record NotificationView(
        UUID id,
        UUID matchId,
        NotificationKind kind,
        String recipient,
        NotificationStatus status,
        @Schema(description = "SMTP attempts so far in the current series (a resend starts a new series)")
        int attempts,
        Instant nextAttemptAt,
        String lastError,
        Instant createdAt,
        Instant sentAt,
        @Schema(description = "The Message-ID header, the same for every attempt and resend")
        String messageId) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.matchId, n.kind, n.recipientEmail, n.status, n.attempts,
                n.nextAttemptAt, n.lastError, n.createdAt, n.sentAt, n.messageId);
    }
}
