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
        @Schema(examples = "6e1b3f8a-9c2d-4a75-b0e4-7d5c2a1f9b36") UUID id,
        @Schema(examples = "c2a7e915-4d8b-4b3f-8e6a-1f0d9b7c5e24") UUID matchId,
        @Schema(examples = "INVITATION") NotificationKind kind,
        @Schema(description = "The recipient's email address", examples = "ada@sparks.test") String recipient,
        @Schema(examples = "SENT") NotificationStatus status,
        @Schema(description = "SMTP attempts so far in the current series (a resend starts a new series)",
                examples = "1")
        int attempts,
        Instant nextAttemptAt,
        @Schema(description = "Why the last attempt failed", examples = "ConnectException: Connection refused")
        String lastError,
        Instant createdAt,
        Instant sentAt,
        @Schema(description = "The Message-ID header, the same for every attempt and resend",
                examples = "<6e1b3f8a-9c2d-4a75-b0e4-7d5c2a1f9b36@sparks.notification>")
        String messageId) {

    static NotificationView of(Notification n) {
        return new NotificationView(n.id, n.matchId, n.kind, n.recipientEmail, n.status, n.attempts,
                n.nextAttemptAt, n.lastError, n.createdAt, n.sentAt, n.messageId);
    }
}
