package dev.sparks.assessment.domain;

import dev.sparks.common.model.Dimension;
import dev.sparks.common.model.GrowthArea;
import dev.sparks.common.model.Trait;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A completed assessment's evaluation as stored: everything the result screen and the event need, frozen at
 * completion so that a later change of the scoring rules never rewrites a participant's history.
 */
public record ResultSnapshot(
        Map<Trait, Integer> scores,
        Map<Dimension, Blend> blends,
        Archetype archetype,
        List<RiskFinding> risks,
        List<GrowthArea> growthAreas) {

    public ResultSnapshot {
        scores = new EnumMap<>(scores);
        blends = new EnumMap<>(blends);
        risks = List.copyOf(risks);
        growthAreas = List.copyOf(growthAreas);
    }

    public static ResultSnapshot of(AssessmentResult result) {
        return new ResultSnapshot(result.scores().byTrait(), result.profile().blends(), result.profile().archetype(),
                result.profile().risks(), result.growthAreas());
    }
}
