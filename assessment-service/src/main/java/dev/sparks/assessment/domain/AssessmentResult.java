package dev.sparks.assessment.domain;

import dev.sparks.common.model.GrowthArea;
import java.util.List;
import java.util.Objects;

/**
 * Everything a completed assessment tells the participant and the matching: the version answered,
 * the 18 scores, the profile (blends, archetype, risks) and the ranked growth areas.
 */
public record AssessmentResult(String instrumentVersion, Scores scores, Profile profile, List<GrowthArea> growthAreas) {

    public AssessmentResult {
        Objects.requireNonNull(instrumentVersion, "instrumentVersion");
        Objects.requireNonNull(scores, "scores");
        Objects.requireNonNull(profile, "profile");
        growthAreas = List.copyOf(growthAreas);
    }
}
