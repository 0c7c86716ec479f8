package dev.sparks.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparks.common.model.Dimension;
import dev.sparks.common.model.GrowthArea;
import dev.sparks.common.model.Side;
import dev.sparks.common.model.Trait;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class GrowthAreaRankingTest {

    @Provide
    Arbitrary<Scores> scores() {
        return AnswerSets.scores();
    }

    @Property
    void fiveDistinctTraitsRanked1To5IncludingTheLowestScore(@ForAll("scores") Scores scores) {
        List<GrowthArea> areas = GrowthAreaRanking.rank(scores);

        assertEquals(GrowthAreaRanking.SIZE, areas.size());
        assertEquals(IntStream.rangeClosed(1, 5).boxed().toList(), areas.stream().map(GrowthArea::rank).toList());
        assertEquals(5, areas.stream().map(GrowthArea::trait).distinct().count());
        int lowest = Arrays.stream(Trait.values()).mapToInt(scores::of).min().orElseThrow();
        assertTrue(areas.stream().anyMatch(a -> a.score() == lowest), "lowest score " + lowest + " in " + areas);
        for (GrowthArea area : areas) {
            assertEquals(scores.of(area.trait()), area.score());
            assertTrue(area.reason().startsWith("Your score for " + area.trait().description() + " (" + area.score() + ")"));
            assertTrue(area.reason().endsWith("."));
        }
    }

    @Property
    void noTraitLeftOutNeedsMoreThanTheFirstFour(@ForAll("scores") Scores scores) {
        List<GrowthArea> areas = GrowthAreaRanking.rank(scores);
        int fourthNeed = GrowthAreaRanking.doubledNeed(scores, areas.get(3).trait());
        for (int i = 1; i < 4; i++) {
            assertTrue(GrowthAreaRanking.doubledNeed(scores, areas.get(i - 1).trait())
                    >= GrowthAreaRanking.doubledNeed(scores, areas.get(i).trait()));
        }
        List<Trait> chosen = areas.stream().map(GrowthArea::trait).toList();
        Arrays.stream(Trait.values()).filter(t -> !chosen.contains(t))
                .forEach(t -> assertTrue(GrowthAreaRanking.doubledNeed(scores, t) <= fourthNeed, t.name()));
    }

    @Example
    void aLowSideFarBelowItsOtherSideComesFirstWithItsReason() {
        Scores scores = Scores.uniform(70)
                .with(Trait.APPROACH_TO_CHANGE_LEADERSHIP, 38)
                .with(Trait.APPROACH_TO_CHANGE_MANAGEMENT, 81)
                .with(Trait.SPEAK_UP, 30);

        List<GrowthArea> areas = GrowthAreaRanking.rank(scores);

        assertEquals(new GrowthArea(1, Trait.APPROACH_TO_CHANGE_LEADERSHIP, 38,
                "Your score for driving change and challenging the status quo (38) is your lowest leadership side, "
                        + "and the management side of Approach to change is much stronger (81)."), areas.get(0));
        assertEquals(new GrowthArea(2, Trait.SPEAK_UP, 30,
                "Your score for speaking up (30) is your lowest score, and your behaviours average 63."), areas.get(1));
    }

    @Example
    void equalNeedsFallBackToTraitOrder() {
        List<GrowthArea> areas = GrowthAreaRanking.rank(Scores.uniform(60));

        assertEquals(Arrays.asList(Trait.values()).subList(0, 5), areas.stream().map(GrowthArea::trait).toList());
        assertEquals("Your score for structure, processes and measurable results (60) is one of your lowest scores, "
                + "and the leadership side of Focus and vision is at the same level (60).", areas.get(0).reason());
    }

    @Example
    void theLowestScoreKeepsAPlaceEvenWhenGapsOutweighIt() {
        Scores scores = Scores.uniform(100).with(Trait.SPEAK_UP, 40);
        for (Dimension d : Dimension.values()) {
            scores = scores.with(Trait.of(d, Side.MANAGEMENT), 41);
        }

        List<Trait> ranked = GrowthAreaRanking.rank(scores).stream().map(GrowthArea::trait).toList();

        assertEquals(List.of(Trait.FOCUS_AND_VISION_MANAGEMENT, Trait.APPROACH_TO_CHANGE_MANAGEMENT,
                Trait.RELATIONSHIP_WITH_RISK_MANAGEMENT, Trait.DEVELOPING_PEOPLE_MANAGEMENT, Trait.SPEAK_UP), ranked);
    }

    @Example
    void behavioursCompeteOnTheSameFooting() {
        Scores scores = Scores.uniform(80).with(Trait.STAY_COMPOSED, 20).with(Trait.TAKE_INITIATIVE, 35);

        List<Trait> ranked = GrowthAreaRanking.rank(scores).stream().map(GrowthArea::trait).toList();

        assertEquals(List.of(Trait.STAY_COMPOSED, Trait.TAKE_INITIATIVE), ranked.subList(0, 2));
    }
}
