package dev.sparks.matching.cohort;

/**
 * The weights of one participant against every mentor, computed on demand.
 *
 * <p>Lets an instance with billions of pairs (100,000 x 20,000) be solved without storing them:
 * the solver reads each row a few times, in parallel, and keeps only a short candidate list.
 */
@FunctionalInterface
public interface RowWeights {

    /**
     * Writes the weight of every mentor for {@code participant} into {@code weights[0..mentorCount)}:
     * an integer in {@code 0..maxWeight}, or {@link CohortInstance#FORBIDDEN} for a pair a hard rule
     * excludes. Must be deterministic and thread-safe: several threads call it with their own arrays.
     */
    void fill(int participant, short[] weights);
}
