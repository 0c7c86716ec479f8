package dev.sparks.assessment.api;

import dev.sparks.assessment.domain.Archetype;
import dev.sparks.assessment.domain.ParticipantService;
import dev.sparks.common.model.Trait;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How a participant's scores moved across their completed assessments, oldest first. */
@Schema(name = "Progress")
public record ProgressView(@Schema(examples = "3f1c2a9e-8b7d-4c6e-9a51-0d2b7e4f6a10") UUID participantId,
        List<Step> assessments) {

    /** @param change this score minus the previous assessment's, per trait; empty for the first */
    public record Step(
            @Schema(examples = "9d4e7a12-5c3b-4f80-a6d1-2e8b9c0f3a57") UUID assessmentId,
            @Schema(examples = "2026.1") String instrumentVersion,
            Instant completedAt,
            @Schema(examples = "STEADY_MANAGER") Archetype archetype,
            @Schema(examples = "Steady manager") String archetypeTitle,
            @Schema(examples = "{\"APPROACH_TO_CHANGE_LEADERSHIP\": 58, \"SPEAK_UP\": 67}")
            Map<Trait, Integer> scores,
            @Schema(examples = "{\"APPROACH_TO_CHANGE_LEADERSHIP\": 16, \"SPEAK_UP\": -4}")
            Map<Trait, Integer> change) {
    }

    static ProgressView of(ParticipantService.Progress progress) {
        return new ProgressView(progress.participantId(), progress.steps().stream()
                .map(s -> new Step(s.assessmentId(), s.instrumentVersion(), s.completedAt(), s.archetype(),
                        s.archetype().title(), s.scores(), s.change()))
                .toList());
    }
}
