package dev.sparks.notification.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One email to one recipient, from queued to sent (or failed, kept for an admin). */
@Entity
@Table(name = "notification")
public class Notification {

    @Id
    public UUID id;

    @Column(name = "match_id", nullable = false)
    public UUID matchId;

    @Column(name = "invitation_id")
    public UUID invitationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationKind kind;

    /** Null once the participant it was addressed to was erased. */
    @Column(name = "recipient_email")
    public String recipientEmail;

    /** The participant the email is about (whichever side receives it); null only for rows of older releases. */
    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "recipient_name")
    public String recipientName;

    /** {@link MailDetails} as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public String details;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public NotificationStatus status;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;

    /** Stable across every attempt, so a duplicate delivery can be recognised downstream. */
    @Column(name = "message_id", nullable = false)
    public String messageId;

    /** The W3C traceparent of the span that queued the email: sending it continues that trace. */
    @Column(name = "trace_parent")
    public String traceParent;

    @Version
    public long version;

    public static Notification queue(UUID matchId, UUID invitationId, NotificationKind kind, String recipientEmail,
            String recipientName, String details, String messageIdDomain, Instant now) {
        Notification notification = new Notification();
        notification.id = UUID.randomUUID();
        notification.matchId = matchId;
        notification.invitationId = invitationId;
        notification.kind = kind;
        notification.recipientEmail = recipientEmail;
        notification.recipientName = recipientName;
        notification.details = details;
        notification.status = NotificationStatus.PENDING;
        notification.attempts = 0;
        notification.nextAttemptAt = now;
        notification.createdAt = now;
        notification.messageId = messageId(notification.id, messageIdDomain);
        return notification;
    }

    /** {@code <notification-id@domain>}: derived from the notification, the same for every attempt. */
    public static String messageId(UUID notificationId, String domain) {
        return "<" + notificationId + "@" + domain + ">";
    }

    public void markSent(Instant at) {
        attempts++;
        status = NotificationStatus.SENT;
        sentAt = at;
        lastError = null;
    }

    /** Records a failed attempt: retried after the backoff, or FAILED once {@code maxAttempts} are used up. */
    public void recordFailure(String error, Instant at, int maxAttempts, RetryBackoff backoff, double jitter) {
        attempts++;
        lastError = error == null ? "unknown error" : error.length() > 1000 ? error.substring(0, 1000) : error;
        if (attempts >= maxAttempts) {
            status = NotificationStatus.FAILED;
            return;
        }
        Duration delay = backoff.delayAfter(attempts, jitter);
        nextAttemptAt = at.plus(delay);
    }

    public void cancel() {
        status = NotificationStatus.CANCELLED;
    }

    /** An admin's resend: a fresh series of attempts, starting now, with the same Message-ID. */
    public void requeue(Instant now) {
        status = NotificationStatus.PENDING;
        attempts = 0;
        nextAttemptAt = now;
        lastError = null;
    }
}
