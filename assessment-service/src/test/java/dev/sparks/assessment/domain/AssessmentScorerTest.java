package dev.sparks.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparks.common.model.Trait;
import java.util.LinkedHashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AssessmentScorerTest {

    private static final Instrument V1 = AnswerSets.V1;

    @Provide
    Arbitrary<Map<String, Integer>> complete() {
        return AnswerSets.complete(V1);
    }

    @Provide
    Arbitrary<Integer> itemIndex() {
        return Arbitraries.integers().between(0, V1.items().size() - 1);
    }

    @Provide
    Arbitrary<Trait> trait() {
        return Arbitraries.of(Trait.class);
    }

    @Property
    void everyTraitGetsAScoreFrom0To100(@ForAll("complete") Map<String, Integer> answers) {
        Scores scores = AssessmentScorer.score(V1, answers);

        assertEquals(Trait.values().length, scores.byTrait().size());
        scores.byTrait().values().forEach(score -> assertTrue(score >= 0 && score <= 100, "score " + score));
    }

    @Property
    void flippingAnItemsReverseFlagIsTheSameAsMirroringItsAnswer(
            @ForAll("complete") Map<String, Integer> answers, @ForAll("itemIndex") int index) {
        Instrument flipped = AnswerSets.withReverseFlipped(V1, index);
        String id = V1.items().get(index).id();
        Map<String, Integer> mirrored = new LinkedHashMap<>(answers);
        mirrored.put(id, 6 - answers.get(id));

        assertEquals(AssessmentScorer.score(V1, mirrored), AssessmentScorer.score(flipped, answers));
    }

    @Property
    void answeringASideAtTheTopOfItsScaleMakesIt100AndAtTheBottom0(
            @ForAll("complete") Map<String, Integer> answers, @ForAll("trait") Trait trait) {
        Map<String, Integer> top = new LinkedHashMap<>(answers);
        Map<String, Integer> bottom = new LinkedHashMap<>(answers);
        for (Instrument.Item item : V1.itemsOf(trait)) {
            top.put(item.id(), item.reverseKeyed() ? 1 : 5);
            bottom.put(item.id(), item.reverseKeyed() ? 5 : 1);
        }

        assertEquals(100, AssessmentScorer.score(V1, top).of(trait));
        assertEquals(0, AssessmentScorer.score(V1, bottom).of(trait));
    }

    @Property
    void aTraitsScoreDependsOnlyOnItsOwnItems(
            @ForAll("complete") Map<String, Integer> answers, @ForAll("itemIndex") int index) {
        Instrument.Item changed = V1.items().get(index);
        Map<String, Integer> other = new LinkedHashMap<>(answers);
        other.put(changed.id(), answers.get(changed.id()) % 5 + 1);

        Scores before = AssessmentScorer.score(V1, answers);
        Scores after = AssessmentScorer.score(V1, other);
        for (Trait trait : Trait.values()) {
            if (trait != changed.trait()) {
                assertEquals(before.of(trait), after.of(trait), trait.name());
            }
        }
    }

    @Example
    void answeringSometimesEverywhereScoresEveryTrait50() {
        Scores scores = AssessmentScorer.score(V1, AnswerSets.all(V1, 3));

        assertEquals(Scores.uniform(50), scores);
    }

    @Example
    void theMeanMapsLinearlyAndRoundsHalfUp() {
        assertEquals(63, AssessmentScorer.toScore(14, 4, 1, 5), "mean 3.5 -> 62.5");
        assertEquals(58, AssessmentScorer.toScore(10, 3, 1, 5), "mean 3.33 -> 58.3");
        assertEquals(67, AssessmentScorer.toScore(11, 3, 1, 5), "mean 3.67 -> 66.7");
        assertEquals(13, AssessmentScorer.toScore(6, 4, 1, 5), "mean 1.5 -> 12.5");
        assertEquals(0, AssessmentScorer.toScore(4, 4, 1, 5));
        assertEquals(100, AssessmentScorer.toScore(20, 4, 1, 5));
    }

    @Example
    void aReverseKeyedItemCountsNeverAsTheTop() {
        Trait trait = Trait.FOCUS_AND_VISION_MANAGEMENT;
        Map<String, Integer> answers = AnswerSets.all(V1, 3);
        Instrument.Item reversed = V1.itemsOf(trait).stream().filter(Instrument.Item::reverseKeyed).findFirst()
                .orElseThrow();
        answers.put(reversed.id(), 1);

        // three items at 3 (keyed 3) and one reversed at 1 (keyed 5): mean 3.5 -> 62.5 -> 63
        assertEquals(63, AssessmentScorer.score(V1, answers).of(trait));
    }

    @Example
    void incompleteAnswersAreRejectedNamingTheMissingItems() {
        Map<String, Integer> answers = AnswerSets.all(V1, 4);
        String first = V1.items().get(0).id();
        String last = V1.items().get(V1.items().size() - 1).id();
        answers.remove(last);
        answers.remove(first);

        InvalidAnswersException e = assertThrows(InvalidAnswersException.class,
                () -> AssessmentScorer.score(V1, answers));

        assertEquals("Answers do not fit instrument 2026.1: unanswered item ids [" + first + ", " + last + "]",
                e.getMessage());
    }
}
