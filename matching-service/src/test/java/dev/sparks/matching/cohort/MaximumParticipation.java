package dev.sparks.matching.cohort;

import java.util.Arrays;

/** Independent maximum cardinality: Kuhn's augmenting paths, a mentor with capacity c as c places. Ignores weights. */
final class MaximumParticipation {

    private final RandomCohorts cohort;
    private final int[][] held;
    private final int[] load;
    private final boolean[] seen;

    private MaximumParticipation(RandomCohorts cohort) {
        this.cohort = cohort;
        this.held = new int[cohort.mentors()][];
        for (int j = 0; j < held.length; j++) {
            held[j] = new int[cohort.capacities[j]];
        }
        this.load = new int[cohort.mentors()];
        this.seen = new boolean[cohort.mentors()];
    }

    static int of(RandomCohorts cohort) {
        MaximumParticipation search = new MaximumParticipation(cohort);
        int matched = 0;
        for (int i = 0; i < cohort.participants; i++) {
            Arrays.fill(search.seen, false);
            if (search.place(i)) {
                matched++;
            }
        }
        return matched;
    }

    private boolean place(int i) {
        for (int j = 0; j < cohort.mentors(); j++) {
            if (cohort.weight(i, j) < 0 || seen[j]) {
                continue;
            }
            seen[j] = true;
            if (load[j] < held[j].length) {
                held[j][load[j]++] = i;
                return true;
            }
            for (int s = 0; s < load[j]; s++) {
                if (place(held[j][s])) {
                    held[j][s] = i;
                    return true;
                }
            }
        }
        return false;
    }
}
