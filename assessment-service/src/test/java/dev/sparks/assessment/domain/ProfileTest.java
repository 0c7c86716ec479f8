package dev.sparks.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparks.common.model.Dimension;
import dev.sparks.common.model.Side;
import dev.sparks.common.model.Trait;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ProfileTest {

    /** Every dimension at the given management and leadership scores; behaviours at 60. */
    private static Scores sides(int management, int leadership) {
        Scores scores = Scores.uniform(60);
        for (Dimension d : Dimension.values()) {
            scores = scores.with(Trait.of(d, Side.MANAGEMENT), management).with(Trait.of(d, Side.LEADERSHIP), leadership);
        }
        return scores;
    }

    private static Scores set(Scores scores, Dimension d, int management, int leadership) {
        return scores.with(Trait.of(d, Side.MANAGEMENT), management).with(Trait.of(d, Side.LEADERSHIP), leadership);
    }

    @Example
    void blendsFollowTheThresholds() {
        assertEquals(Blend.EMERGING, Blend.of(49, 49));
        assertEquals(Blend.EMERGING, Blend.of(10, 40));
        assertEquals(Blend.LEADERSHIP_LEANING, Blend.of(49, 80));
        assertEquals(Blend.MANAGEMENT_LEANING, Blend.of(80, 65), "a 15-point gap leans");
        assertEquals(Blend.BALANCED, Blend.of(80, 66), "a 14-point gap does not");
        assertEquals(Blend.BALANCED, Blend.of(50, 50));
        assertEquals(Blend.BALANCED, Blend.of(45, 55), "one side low but not both, and close");
        assertEquals(Blend.MANAGEMENT_LEANING, Blend.of(64, 49));
    }

    @Example
    void strongOnBothSidesIsAnIntegrator() {
        Profile profile = Profile.of(sides(80, 75));

        assertEquals(Archetype.INTEGRATOR, profile.archetype());
        assertTrue(profile.blends().values().stream().allMatch(b -> b == Blend.BALANCED));
        assertEquals(List.of(), profile.risks());
    }

    @Example
    void strengthOnBothSidesOutranksWhichSideIsHigher() {
        Profile profile = Profile.of(sides(100, 75));

        assertTrue(profile.blends().values().stream().allMatch(b -> b == Blend.MANAGEMENT_LEANING));
        assertEquals(Archetype.INTEGRATOR, profile.archetype());
    }

    @Example
    void mostlyManagementLeaningIsASteadyManager() {
        Scores scores = sides(75, 55);
        scores = set(scores, Dimension.DEVELOPING_PEOPLE, 60, 60);
        scores = set(scores, Dimension.TIME_ORIENTATION, 50, 75);

        Profile profile = Profile.of(scores);

        assertEquals(Archetype.STEADY_MANAGER, profile.archetype());
        assertEquals(Blend.BALANCED, profile.blend(Dimension.DEVELOPING_PEOPLE));
        assertEquals(Blend.LEADERSHIP_LEANING, profile.blend(Dimension.TIME_ORIENTATION));
    }

    @Example
    void mostlyLeadershipLeaningIsAVisionaryLeader() {
        assertEquals(Archetype.VISIONARY_LEADER, Profile.of(sides(55, 90)).archetype());
    }

    @Example
    void mostlyLowOnBothSidesIsEmerging() {
        Scores scores = set(sides(30, 40), Dimension.FOCUS_AND_VISION, 80, 40);

        assertEquals(Archetype.EMERGING, Profile.of(scores).archetype());
    }

    @Example
    void aMixOrAModerateBalanceIsAdaptive() {
        Scores mixed = sides(60, 60);
        mixed = set(mixed, Dimension.FOCUS_AND_VISION, 80, 50);
        mixed = set(mixed, Dimension.APPROACH_TO_CHANGE, 80, 50);
        mixed = set(mixed, Dimension.RELATIONSHIP_WITH_RISK, 50, 80);
        mixed = set(mixed, Dimension.DEVELOPING_PEOPLE, 50, 80);

        assertEquals(Archetype.ADAPTIVE, Profile.of(mixed).archetype());
        assertEquals(Archetype.ADAPTIVE, Profile.of(sides(60, 60)).archetype(), "balanced but not strong");
    }

    @Example
    void strongManagementWithLittleLeadershipEverywhereCarriesEveryManagementRisk() {
        Profile profile = Profile.of(sides(85, 35));

        assertEquals(List.of(Risk.RIGID_PROCESSES, Risk.COMPLIANCE_WITHOUT_ENGAGEMENT, Risk.TROUBLE_ADAPTING_TO_CHANGE,
                Risk.TALENT_TURNOVER), profile.risks().stream().map(RiskFinding::risk).toList());
        assertTrue(profile.risks().stream().allMatch(RiskFinding::overall));
        RiskFinding rigid = profile.risks().get(0);
        assertEquals(List.of(Dimension.FOCUS_AND_VISION, Dimension.DECISION_MAKING), rigid.dimensions());
    }

    @Example
    void oneImbalancedDimensionCarriesOnlyItsOwnRisks() {
        Scores scores = set(sides(60, 60), Dimension.DECISION_MAKING, 40, 80);

        assertEquals(List.of(new RiskFinding(Risk.MISSED_DETAILS_AND_WASTE, false, List.of(Dimension.DECISION_MAKING))),
                Profile.of(scores).risks());
    }

    @Example
    void anOverallImbalanceCountsEvenWhenNoSingleDimensionCrossesBothThresholds() {
        Scores scores = sides(60, 60);
        for (Dimension d : Dimension.values()) {
            scores = d.ordinal() % 2 == 0 ? set(scores, d, 80, 55) : set(scores, d, 60, 40);
        }

        Profile profile = Profile.of(scores);

        assertEquals(4, profile.risks().size());
        assertTrue(profile.risks().stream()
                .allMatch(f -> f.overall() && f.dimensions().isEmpty() && f.risk().overdevelopedSide() == Side.MANAGEMENT));
    }

    @Example
    void oppositeImbalancesInDifferentDimensionsCarryBothKindsOfRisk() {
        Scores scores = set(set(sides(60, 60), Dimension.APPROACH_TO_CHANGE, 20, 90), Dimension.DEVELOPING_PEOPLE, 90, 20);

        assertEquals(List.of(Risk.COMPLIANCE_WITHOUT_ENGAGEMENT, Risk.TALENT_TURNOVER, Risk.IDEAS_WITHOUT_EXECUTION,
                Risk.BURNOUT), Profile.of(scores).risks().stream().map(RiskFinding::risk).toList());
    }

    @Provide
    Arbitrary<Scores> scores() {
        return AnswerSets.scores();
    }

    @Property
    void everyRiskFindingIsJustified(@ForAll("scores") Scores scores) {
        for (RiskFinding finding : Profile.of(scores).risks()) {
            Side strong = finding.risk().overdevelopedSide();
            Side weak = strong == Side.MANAGEMENT ? Side.LEADERSHIP : Side.MANAGEMENT;
            assertTrue(finding.overall() || !finding.dimensions().isEmpty());
            assertEquals(finding.overall(), scores.meanOf(strong) >= 70 && scores.meanOf(weak) < 50);
            for (Dimension d : finding.dimensions()) {
                assertTrue(finding.risk().dimensions().contains(d));
                assertTrue(scores.of(d, strong) >= 70 && scores.of(d, weak) < 50, d.name());
            }
        }
    }

    @Property
    void sidesWithin20PointsEverywhereCarryNoRisk(@ForAll("scores") Scores scores) {
        Scores close = scores;
        for (Dimension d : Dimension.values()) {
            int management = scores.of(d, Side.MANAGEMENT);
            int leadership = Math.max(0, Math.min(100, management + (scores.of(d, Side.LEADERSHIP) % 41) - 20));
            close = close.with(Trait.of(d, Side.LEADERSHIP), leadership);
        }

        assertEquals(List.of(), Profile.of(close).risks());
    }

    @Property
    void everyDimensionHasABlend(@ForAll("scores") Scores scores) {
        Profile profile = Profile.of(scores);

        assertEquals(Arrays.asList(Dimension.values()), List.copyOf(profile.blends().keySet()));
    }
}
