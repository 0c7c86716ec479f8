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
        @Schema(examples = "9d4e7a12-5c3b-4f80-a6d1-2e8b9c0f3a57") UUID id,
        @Schema(examples = "3f1c2a9e-8b7d-4c6e-9a51-0d2b7e4f6a10") UUID participantId,
        @Schema(examples = "2026.1") String instrumentVersion,
        @Schema(examples = "IN_PROGRESS") AssessmentStatus status,
        @Schema(description = "Item id to scale value (1 = Never ... 5 = Always).",
                examples = "{\"fv-m-1\": 4, \"ac-l-1\": 2}")
        Map<String, Integer> answers,
        @Schema(description = "How many items are answered.", examples = "24") int answered,
        @Schema(description = "How many items the instrument version has.", examples = "66") int items,
        @Schema(examples = "[\"CAREER_ADVICE\", \"NETWORKING\"]") List<Goal> goals,
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
