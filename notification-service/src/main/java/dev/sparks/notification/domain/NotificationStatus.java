package dev.sparks.notification.domain;

/** PENDING (waiting or retrying) -> SENT | FAILED | CANCELLED; an admin can put FAILED back to PENDING. */
public enum NotificationStatus {
    PENDING,
    SENT,
    /** Retries exhausted; kept for an admin to resend. */
    FAILED,
    /** No longer meaningful: the invitation closed before its invitation or reminder went out. */
    CANCELLED
}
