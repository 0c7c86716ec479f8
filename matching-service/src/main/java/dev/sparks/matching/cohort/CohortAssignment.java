package dev.sparks.matching.cohort;

import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The result of a cohort run: a mentor per participant (or none), its totals, and, from the solver, a proven
 * upper bound on what any assignment could reach.
 *
 * <p>For {@link CohortObjective.BestScore} {@link #upperBound()} bounds the total weight of every allowed
 * assignment. For {@link CohortObjective.MostParticipation} {@link #participationUpperBound()} bounds the
 * number matched, and {@link #upperBound()} bounds the total weight of every assignment matching at least
 * {@link #matchedCount()} participants.
 */
public final class CohortAssignment {

    public static final int UNMATCHED = -1;

    private final CohortObjective objective;
    private final int[] mentorOf;
    private final long totalWeight;
    private final int matchedCount;
    private final int lowestMatchedScore;
    private final long upperBound;
    private final int participationUpperBound;
    private final boolean bounded;
    private final long solveNanos;
    private final int rounds;
    private final long candidateArcs;

    CohortAssignment(CohortObjective objective, int[] mentorOf, long totalWeight, int matchedCount,
                     int lowestMatchedScore, boolean bounded, long upperBound, int participationUpperBound,
                     long solveNanos, int rounds, long candidateArcs) {
        this.objective = objective;
        this.mentorOf = mentorOf;
        this.totalWeight = totalWeight;
        this.matchedCount = matchedCount;
        this.lowestMatchedScore = lowestMatchedScore;
        this.bounded = bounded;
        this.upperBound = upperBound;
        this.participationUpperBound = participationUpperBound;
        this.solveNanos = solveNanos;
        this.rounds = rounds;
        this.candidateArcs = candidateArcs;
    }

    /** Builds the totals of an assignment from the instance's weights. */
    static CohortAssignment of(CohortInstance instance, CohortObjective objective, int[] mentorOf, int[] weightOf,
                               boolean bounded, long upperBound, int participationUpperBound,
                               long solveNanos, int rounds, long candidateArcs) {
        long total = 0;
        int matched = 0;
        int lowest = Integer.MAX_VALUE;
        for (int i = 0; i < mentorOf.length; i++) {
            if (mentorOf[i] != UNMATCHED) {
                total += weightOf[i];
                matched++;
                lowest = Math.min(lowest, weightOf[i]);
            }
        }
        return new CohortAssignment(objective, mentorOf, total, matched, matched == 0 ? -1 : lowest, bounded,
                upperBound, participationUpperBound, solveNanos, rounds, candidateArcs);
    }

    public CohortObjective objective() {
        return objective;
    }

    /** The mentor index of a participant, or {@link #UNMATCHED}. */
    public int mentorOf(int participant) {
        return mentorOf[participant];
    }

    public int[] mentors() {
        return mentorOf.clone();
    }

    public int participantCount() {
        return mentorOf.length;
    }

    public long totalWeight() {
        return totalWeight;
    }

    public int matchedCount() {
        return matchedCount;
    }

    /** The lowest weight among matched pairs, or -1 when nobody is matched. */
    public int lowestMatchedScore() {
        return lowestMatchedScore;
    }

    /** A proven upper bound on the total weight (see the class comment); empty for a heuristic. */
    public OptionalLong upperBound() {
        return bounded ? OptionalLong.of(upperBound) : OptionalLong.empty();
    }

    /** For most-participation runs, a proven upper bound on how many can be matched. */
    public OptionalInt participationUpperBound() {
        return bounded && objective instanceof CohortObjective.MostParticipation
                ? OptionalInt.of(participationUpperBound) : OptionalInt.empty();
    }

    /**
     * The relative distance to the proven bound: {@code (upperBound - totalWeight) / upperBound}. For most
     * participation while the number matched is not proven maximal, it is that of the number matched,
     * {@code (participationUpperBound - matchedCount) / participationUpperBound}. NaN without a bound.
     */
    public double gap() {
        if (!bounded) {
            return Double.NaN;
        }
        if (objective instanceof CohortObjective.MostParticipation && participationUpperBound > matchedCount) {
            return (double) (participationUpperBound - matchedCount) / participationUpperBound;
        }
        return upperBound == 0 ? 0.0 : (double) (upperBound - totalWeight) / upperBound;
    }

    /** True when the bound meets the result: no assignment is better. */
    public boolean isProvenOptimal() {
        if (!bounded || upperBound != totalWeight) {
            return false;
        }
        return !(objective instanceof CohortObjective.MostParticipation) || participationUpperBound == matchedCount;
    }

    public long solveNanos() {
        return solveNanos;
    }

    /** Pricing rounds on a full graph (1 for a sparse instance). */
    public int rounds() {
        return rounds;
    }

    /** Pairs the exact search looked at, in its last round. */
    public long candidateArcs() {
        return candidateArcs;
    }

    @Override
    public String toString() {
        return "CohortAssignment{" + objective + ", matched=" + matchedCount + ", totalWeight=" + totalWeight
                + ", lowest=" + lowestMatchedScore
                + (bounded ? ", upperBound=" + upperBound + ", gap=" + gap() : "")
                + ", solveMillis=" + solveNanos / 1_000_000 + ", rounds=" + rounds + "}";
    }
}
