package dev.sparks.common.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code assessment.started.v1} on {@link Topics#ASSESSMENTS}, keyed by participant id (so it precedes the same
 * participant's {@code assessment.completed.v1}): a participant started an assessment.
 *
 * @param department the participant's department when they started, as HR sent it; null when unknown
 */
public record AssessmentStartedV1(UUID assessmentId, UUID participantId, String department,
        String instrumentVersion, Instant startedAt) {

    public static final String TYPE = "assessment.started.v1";
}
