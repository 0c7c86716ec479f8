package dev.sparks.notification.domain;

import java.time.Instant;
import java.util.List;

/**
 * What an email shows, captured when the notification is created so it can be sent (or resent) without
 * asking anyone: stored as JSON on the notification.
 */
public record MailDetails(
        String participantName,
        String participantEmail,
        String mentorName,
        String mentorEmail,
        String mentorBio,
        List<String> reasons,
        Instant expiresAt) {
}
