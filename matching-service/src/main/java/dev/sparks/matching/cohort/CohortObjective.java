package dev.sparks.matching.cohort;

/**
 * What a cohort run optimises.
 *
 * <ul>
 *   <li>{@link BestScore}: maximise the total weight using only pairs scoring at least the threshold;
 *       participants may stay unmatched.</li>
 *   <li>{@link MostParticipation}: maximise the number of matched participants, then, among all
 *       assignments with that many, the total weight (exactly lexicographic).</li>
 * </ul>
 */
public sealed interface CohortObjective {

    static CohortObjective bestScore(int threshold) {
        return new BestScore(threshold);
    }

    static CohortObjective mostParticipation() {
        return new MostParticipation();
    }

    /** The lowest weight a pair must have to be used at all. */
    int minimumWeight();

    record BestScore(int threshold) implements CohortObjective {
        public BestScore {
            if (threshold < 0 || threshold > CohortInstance.MAX_WEIGHT) {
                throw new IllegalArgumentException("threshold must be in 0.." + CohortInstance.MAX_WEIGHT + ": " + threshold);
            }
        }

        @Override
        public int minimumWeight() {
            return threshold;
        }
    }

    record MostParticipation() implements CohortObjective {
        @Override
        public int minimumWeight() {
            return 0;
        }
    }
}
