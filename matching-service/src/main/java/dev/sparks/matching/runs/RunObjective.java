package dev.sparks.matching.runs;

import dev.sparks.matching.cohort.CohortObjective;
import java.util.Arrays;
import java.util.Optional;

/** What a cohort run optimises, as the API spells it. */
public enum RunObjective {
    /** Highest total score; a participant stays unmatched rather than get a match below the threshold. */
    BEST_SCORE("best-score"),
    /** As many matched as possible, then the highest total score. */
    MOST_PARTICIPATION("most-participation");

    private final String wire;

    RunObjective(String wire) {
        this.wire = wire;
    }

    public String wire() {
        return wire;
    }

    public static Optional<RunObjective> of(String wire) {
        return Arrays.stream(values()).filter(objective -> objective.wire.equals(wire)).findFirst();
    }

    /** @param thresholdTenths the lowest score a best-score run may match, in tenths of a point */
    CohortObjective toSolver(int thresholdTenths) {
        return this == BEST_SCORE ? CohortObjective.bestScore(thresholdTenths) : CohortObjective.mostParticipation();
    }
}
