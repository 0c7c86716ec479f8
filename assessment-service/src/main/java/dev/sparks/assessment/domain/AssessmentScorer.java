package dev.sparks.assessment.domain;

import dev.sparks.common.model.Trait;
import java.util.EnumMap;
import java.util.Map;

/**
 * Turns a complete set of answers into a 0-100 score per trait.
 * A trait's score is the mean of its items' keyed values (a reverse-keyed item counts as min + max - value),
 * mapped linearly from the scale (bottom 0, top 100) and rounded half up.
 */
public final class AssessmentScorer {

    private AssessmentScorer() {
    }

    /** @throws InvalidAnswersException when any item is unknown, off the scale or unanswered */
    public static Scores score(Instrument instrument, Map<String, Integer> answers) {
        ResponseValidation.of(instrument, answers).requireComplete();
        int min = instrument.scale().min();
        int max = instrument.scale().max();
        Map<Trait, Integer> sums = new EnumMap<>(Trait.class);
        Map<Trait, Integer> counts = new EnumMap<>(Trait.class);
        for (Instrument.Item item : instrument.items()) {
            int value = answers.get(item.id());
            int keyed = item.reverseKeyed() ? min + max - value : value;
            sums.merge(item.trait(), keyed, Integer::sum);
            counts.merge(item.trait(), 1, Integer::sum);
        }
        Map<Trait, Integer> scores = new EnumMap<>(Trait.class);
        sums.forEach((trait, sum) -> scores.put(trait, toScore(sum, counts.get(trait), min, max)));
        return new Scores(scores);
    }

    /**
     * 100 * (mean - min) / (max - min), rounded half up, in integer arithmetic so that a mean exactly
     * halfway between two scores always rounds the same way.
     */
    static int toScore(int sum, int count, int min, int max) {
        long numerator = 100L * (sum - (long) count * min);
        long denominator = (long) count * (max - min);
        return (int) ((2 * numerator + denominator) / (2 * denominator));
    }
}
