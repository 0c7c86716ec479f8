package dev.sparks.notification.domain;

import java.util.UUID;

/**
 * An email was queued in the current transaction. Fired as a CDI event; the mail sender observes it after the
 * commit, so it starts on the mail at once instead of at its next poll.
 */
public record MailQueued(UUID notificationId) {
}
