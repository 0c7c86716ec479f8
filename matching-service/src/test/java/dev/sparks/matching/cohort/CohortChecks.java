package dev.sparks.matching.cohort;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks every assignment must pass, whoever made it. */
final class CohortChecks {

    private CohortChecks() {
    }

    /** Capacities respected, no forbidden pair, no pair below the threshold, totals consistent. */
    static void assertFeasible(RandomCohorts cohort, CohortObjective objective, CohortAssignment result) {
        int[] load = new int[cohort.mentors()];
        long total = 0;
        int matched = 0;
        int lowest = Integer.MAX_VALUE;
        for (int i = 0; i < cohort.participants; i++) {
            int j = result.mentorOf(i);
            if (j == CohortAssignment.UNMATCHED) {
                continue;
            }
            int w = cohort.weight(i, j);
            assertThat(w).as("participant %d uses a forbidden pair with mentor %d", i, j).isGreaterThanOrEqualTo(0);
            assertThat(w).as("threshold").isGreaterThanOrEqualTo(objective.minimumWeight());
            load[j]++;
            total += w;
            matched++;
            lowest = Math.min(lowest, w);
        }
        for (int j = 0; j < load.length; j++) {
            assertThat(load[j]).as("load of mentor %d", j).isLessThanOrEqualTo(cohort.capacities[j]);
        }
        assertThat(result.totalWeight()).isEqualTo(total);
        assertThat(result.matchedCount()).isEqualTo(matched);
        assertThat(result.lowestMatchedScore()).isEqualTo(matched == 0 ? -1 : lowest);
        if (result.upperBound().isPresent() && (!(objective instanceof CohortObjective.MostParticipation)
                || result.participationUpperBound().orElseThrow() == result.matchedCount())) {
            assertThat(result.upperBound().getAsLong()).as("dual bound >= primal").isGreaterThanOrEqualTo(total);
        }
    }
}
