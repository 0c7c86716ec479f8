package dev.sparks.assessment.api;

import dev.sparks.assessment.domain.Archetype;
import dev.sparks.assessment.domain.Assessment;
import dev.sparks.assessment.domain.Blend;
import dev.sparks.assessment.domain.ResultSnapshot;
import dev.sparks.assessment.domain.Risk;
import dev.sparks.assessment.domain.RiskFinding;
import dev.sparks.common.model.Behaviour;
import dev.sparks.common.model.Dimension;
import dev.sparks.common.model.GrowthArea;
import dev.sparks.common.model.Side;
import dev.sparks.common.model.Trait;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a completed assessment tells the participant: scores per dimension and behaviour, profile, growth areas. */
@Schema(name = "AssessmentResult")
public record ResultView(
        UUID assessmentId,
        UUID participantId,
        String instrumentVersion,
        Instant completedAt,
        @Schema(description = "All 18 scores, 0-100, by trait.") Map<Trait, Integer> scores,
        List<DimensionScore> dimensions,
        List<BehaviourScore> behaviours,
        ArchetypeView archetype,
        List<RiskView> risks,
        @Schema(description = "Ranked, most needed first, each with the reason.") List<GrowthArea> growthAreas) {

    /** Both sides of one dimension and how they blend. */
    public record DimensionScore(Dimension dimension, String title, int management, int leadership, Blend blend,
            String blendTitle) {
    }

    public record BehaviourScore(Behaviour behaviour, String description, int score) {
    }

    public record ArchetypeView(Archetype code, String title, String description) {
    }

    /** @param overall the whole profile leans to the risk's side; else {@code dimensions} name where it does */
    public record RiskView(Risk risk, String title, String description, Side overdevelopedSide, boolean overall,
            List<Dimension> dimensions) {
    }

    static ResultView of(Assessment assessment) {
        ResultSnapshot result = assessment.result();
        Map<Trait, Integer> scores = result.scores();
        List<DimensionScore> dimensions = Arrays.stream(Dimension.values())
                .map(d -> new DimensionScore(d, d.title(), scores.get(Trait.of(d, Side.MANAGEMENT)),
                        scores.get(Trait.of(d, Side.LEADERSHIP)), result.blends().get(d),
                        result.blends().get(d).title()))
                .toList();
        List<BehaviourScore> behaviours = Arrays.stream(Behaviour.values())
                .map(b -> new BehaviourScore(b, b.description(), scores.get(Trait.of(b))))
                .toList();
        Archetype archetype = result.archetype();
        List<RiskView> risks = result.risks().stream().map(ResultView::risk).toList();
        return new ResultView(assessment.id(), assessment.participantId(), assessment.instrumentVersion(),
                assessment.completedAt(), scores, dimensions, behaviours,
                new ArchetypeView(archetype, archetype.title(), archetype.description()), risks, result.growthAreas());
    }

    private static RiskView risk(RiskFinding finding) {
        Risk risk = finding.risk();
        return new RiskView(risk, risk.title(), risk.description(), risk.overdevelopedSide(), finding.overall(),
                finding.dimensions());
    }
}
