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
        @Schema(examples = "9d4e7a12-5c3b-4f80-a6d1-2e8b9c0f3a57") UUID assessmentId,
        @Schema(examples = "3f1c2a9e-8b7d-4c6e-9a51-0d2b7e4f6a10") UUID participantId,
        @Schema(examples = "2026.1") String instrumentVersion,
        Instant completedAt,
        @Schema(description = "All 18 scores, 0-100, by trait.",
                examples = "{\"APPROACH_TO_CHANGE_LEADERSHIP\": 42, \"APPROACH_TO_CHANGE_MANAGEMENT\": 75}")
        Map<Trait, Integer> scores,
        List<DimensionScore> dimensions,
        List<BehaviourScore> behaviours,
        ArchetypeView archetype,
        List<RiskView> risks,
        @Schema(description = "Ranked, most needed first, each with the reason.") List<GrowthArea> growthAreas) {

    /** Both sides of one dimension and how they blend. */
    public record DimensionScore(
            @Schema(examples = "APPROACH_TO_CHANGE") Dimension dimension,
            @Schema(examples = "Approach to change") String title,
            @Schema(description = "The management side's score, 0-100", examples = "75") int management,
            @Schema(description = "The leadership side's score, 0-100", examples = "42") int leadership,
            @Schema(examples = "MANAGEMENT_LEANING") Blend blend,
            @Schema(examples = "Management-leaning") String blendTitle) {
    }

    public record BehaviourScore(
            @Schema(examples = "SPEAK_UP") Behaviour behaviour,
            @Schema(examples = "speaking up") String description,
            @Schema(description = "0-100", examples = "67") int score) {
    }

    public record ArchetypeView(
            @Schema(examples = "STEADY_MANAGER") Archetype code,
            @Schema(examples = "Steady manager") String title,
            @Schema(examples = "In most areas you lean toward management: you bring order, reliability and measurable "
                    + "results, and people can count on things getting done properly.") String description) {
    }

    /** @param overall the whole profile leans to the risk's side; else {@code dimensions} name where it does */
    public record RiskView(
            @Schema(examples = "TROUBLE_ADAPTING_TO_CHANGE") Risk risk,
            @Schema(examples = "Trouble adapting to change") String title,
            @Schema(examples = "A focus on stability and today's tasks can leave the team unprepared when "
                    + "circumstances shift.") String description,
            @Schema(examples = "MANAGEMENT") Side overdevelopedSide,
            @Schema(examples = "false") boolean overall,
            @Schema(examples = "[\"APPROACH_TO_CHANGE\", \"TIME_ORIENTATION\"]") List<Dimension> dimensions) {
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
