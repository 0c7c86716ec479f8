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
public record ProgressView(UUID participantId, List<Step> assessments) {

    /** @param change this score minus the previous assessment's, per trait; empty for the first */
    public record Step(UUID assessmentId, String instrumentVersion, Instant completedAt, Archetype archetype,
            String archetypeTitle, Map<Trait, Integer> scores, Map<Trait, Integer> change) {
    }

    static ProgressView of(ParticipantService.Progress progress) {
        return new ProgressView(progress.participantId(), progress.steps().stream()
                .map(s -> new Step(s.assessmentId(), s.instrumentVersion(), s.completedAt(), s.archetype(),
                        s.archetype().title(), s.scores(), s.change()))
                .toList());
    }
}
