package dev.sparks.assessment.api;

import dev.sparks.assessment.domain.Assessment;
import dev.sparks.assessment.domain.AssessmentStatus;
import dev.sparks.assessment.domain.MatchPreferences;
import dev.sparks.common.model.Goal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An assessment as its owner and program admins see it; the result has its own resource. */
@Schema(name = "Assessment")
public record AssessmentView(
        UUID id,
        UUID participantId,
        String instrumentVersion,
        AssessmentStatus status,
        Map<String, Integer> answers,
        @Schema(description = "How many items are answered.") int answered,
        @Schema(description = "How many items the instrument version has.") int items,
        List<Goal> goals,
        MatchPreferences preferences,
        Instant startedAt,
        Instant updatedAt,
        Instant completedAt) {

    static AssessmentView of(Assessment assessment, int itemCount) {
        return new AssessmentView(assessment.id(), assessment.participantId(), assessment.instrumentVersion(),
                assessment.status(), new TreeMap<>(assessment.answers()), assessment.answers().size(), itemCount,
                assessment.goals(), assessment.preferences(), assessment.startedAt(), assessment.updatedAt(),
                assessment.completedAt());
    }
}
