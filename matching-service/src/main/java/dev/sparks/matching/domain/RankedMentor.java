package dev.sparks.matching.domain;

/**
 * One eligible mentor in a decision's shortlist.
 *
 * @param breakdown the unpenalised compatibility and its parts; this is the score people see
 * @param rankingScore compatibility minus the load-balancing penalty; only orders the shortlist
 */
public record RankedMentor(
        MentorCandidate mentor,
        ScoreBreakdown breakdown,
        double rankingScore,
        Explanation explanation) {

    public double compatibility() {
        return breakdown.total();
    }
}
