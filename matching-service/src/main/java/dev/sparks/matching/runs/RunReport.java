package dev.sparks.matching.runs;

import dev.sparks.matching.cohort.CohortAssignment;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a cohort run found and did, stored with the run (jsonb) and shown by the API. Scores are compatibility
 * points (0-100, one decimal); totals are sums over matched participants.
 *
 * @param poolSize participants in the pool when the run loaded it
 * @param mentors mentors accepting with free capacity who could take someone
 * @param freeCapacity their free places together
 * @param arcs allowed (participant, mentor) pairs: hard rules and the policy's minimum score respected
 * @param threshold the lowest score the run could match (best-score: the requested threshold, never below the
 *                  policy's minimum; most-participation: the policy's minimum)
 * @param assigned participants the optimal assignment matches
 * @param unassigned participants it leaves in the pool
 * @param created matches actually committed (0 for a dry run)
 * @param skipped assigned participants not committed because something changed meanwhile (the mentor's room
 *                was taken, the participant was matched or left the pool); they stay in the pool
 * @param upperBound the solver's proven bound on the total score (see {@link CohortAssignment#upperBound()})
 * @param gap {@code (upperBound - total) / upperBound}; 0 when proven optimal
 * @param greedy what first-come, best-served matching would have given on the same input, in arrival order
 * @param gain this run minus greedy
 */
@Schema(name = "MatchingRunReport")
public record RunReport(
        @Schema(examples = "850") int poolSize,
        @Schema(examples = "240") int mentors,
        @Schema(examples = "900") long freeCapacity,
        @Schema(examples = "118500") long arcs,
        @Schema(examples = "55.0") double threshold,
        @Schema(examples = "4") long policyVersion,
        @Schema(examples = "812") int assigned,
        @Schema(examples = "38") int unassigned,
        @Schema(examples = "806") int created,
        @Schema(examples = "6") int skipped,
        @Schema(examples = "60412.5") double totalScore,
        @Schema(examples = "74.4") Double meanScore,
        @Schema(examples = "55.0") Double lowestScore,
        @Schema(examples = "1840.2") double solveMillis,
        @Schema(examples = "60412.5") Double upperBound,
        @Schema(examples = "0.0") Double gap,
        @Schema(examples = "true") boolean provenOptimal,
        @Schema(description = "most-participation: the proven bound on how many any assignment could match",
                examples = "812")
        Integer participationUpperBound,
        Baseline greedy,
        Gain gain) {

    @Schema(name = "GreedyBaseline", description = "What greedy first-come matching gives on the same input")
    public record Baseline(@Schema(examples = "790") int matched, @Schema(examples = "56920.0") double totalScore,
            @Schema(examples = "72.1") Double meanScore, @Schema(examples = "55.0") Double lowestScore) {
    }

    @Schema(name = "MatchingRunGain", description = "This run minus greedy")
    public record Gain(@Schema(examples = "22") int matched, @Schema(examples = "3492.5") double totalScore,
            @Schema(examples = "0.0") Double lowestScore) {
    }

    static RunReport of(CohortProblem problem, int thresholdTenths, long policyVersion, CohortAssignment optimal,
            CohortAssignment greedy) {
        Baseline baseline = new Baseline(greedy.matchedCount(), points(greedy.totalWeight()), mean(greedy),
                lowest(greedy));
        Double lowest = lowest(optimal);
        Gain gain = new Gain(optimal.matchedCount() - greedy.matchedCount(),
                points(optimal.totalWeight() - greedy.totalWeight()),
                lowest == null || baseline.lowestScore() == null ? null
                        : Math.round((lowest - baseline.lowestScore()) * 10) / 10.0);
        return new RunReport(problem.participantCount(), problem.mentorCount(), problem.instance().totalCapacity(),
                problem.arcCount(), thresholdTenths / 10.0, policyVersion, optimal.matchedCount(),
                problem.participantCount() - optimal.matchedCount(), 0, 0, points(optimal.totalWeight()),
                mean(optimal), lowest, optimal.solveNanos() / 1_000_000.0,
                optimal.upperBound().isPresent() ? points(optimal.upperBound().getAsLong()) : null,
                Double.isNaN(optimal.gap()) ? null : optimal.gap(), optimal.isProvenOptimal(),
                optimal.participationUpperBound().isPresent() ? optimal.participationUpperBound().getAsInt() : null,
                baseline, gain);
    }

    RunReport committed(int createdCount, int skippedCount) {
        return new RunReport(poolSize, mentors, freeCapacity, arcs, threshold, policyVersion, assigned, unassigned,
                createdCount, skippedCount, totalScore, meanScore, lowestScore, solveMillis, upperBound, gap,
                provenOptimal, participationUpperBound, greedy, gain);
    }

    private static double points(long tenths) {
        return tenths / 10.0;
    }

    private static Double mean(CohortAssignment assignment) {
        return assignment.matchedCount() == 0 ? null
                : Math.round((double) assignment.totalWeight() / assignment.matchedCount()) / 10.0;
    }

    private static Double lowest(CohortAssignment assignment) {
        return assignment.matchedCount() == 0 ? null : assignment.lowestMatchedScore() / 10.0;
    }
}
