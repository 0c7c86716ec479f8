package dev.sparks.common.events;

import dev.sparks.common.model.MatchStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * {@code match.status-changed.v1} on {@link Topics#MATCHES}, keyed by match id: every change of a match's status,
 * however it came about (email answer, front-end, expiry, an admin).
 */
public record MatchStatusChangedV1(
        UUID matchId,
        UUID participantId,
        String participantName,
        String participantEmail,
        UUID mentorId,
        String mentorName,
        String mentorEmail,
        MatchStatus previousStatus,
        MatchStatus status,
        String reason,
        Instant changedAt) {

    public static final String TYPE = "match.status-changed.v1";
}
