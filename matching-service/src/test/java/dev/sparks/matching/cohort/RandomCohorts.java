package dev.sparks.matching.cohort;

import java.util.Random;

/** Random instances for tests, kept as a dense matrix and offered in all three instance forms. */
final class RandomCohorts {

    final int participants;
    final int[] capacities;
    final short[] weights;

    private RandomCohorts(int participants, int[] capacities, short[] weights) {
        this.participants = participants;
        this.capacities = capacities;
        this.weights = weights;
    }

    /**
     * @param maxWeight small values make many ties, which stress tie handling in the duals
     */
    static RandomCohorts generate(long seed, int participants, int mentors, int maxCapacity, double forbiddenRate,
                                  int maxWeight) {
        Random rnd = new Random(seed);
        int[] capacities = new int[mentors];
        for (int j = 0; j < mentors; j++) {
            capacities[j] = 1 + rnd.nextInt(maxCapacity);
        }
        short[] weights = new short[participants * mentors];
        for (int c = 0; c < weights.length; c++) {
            weights[c] = rnd.nextDouble() < forbiddenRate ? CohortInstance.FORBIDDEN : (short) rnd.nextInt(maxWeight + 1);
        }
        return new RandomCohorts(participants, capacities, weights);
    }

    int mentors() {
        return capacities.length;
    }

    int weight(int i, int j) {
        return weights[i * capacities.length + j];
    }

    CohortInstance dense() {
        return CohortInstance.dense(participants, capacities, weights);
    }

    CohortInstance sparse() {
        int m = capacities.length;
        int[] start = new int[participants + 1];
        int[] mentor = new int[weights.length];
        short[] w = new short[weights.length];
        int n = 0;
        for (int i = 0; i < participants; i++) {
            for (int j = 0; j < m; j++) {
                if (weight(i, j) >= 0) {
                    mentor[n] = j;
                    w[n] = (short) weight(i, j);
                    n++;
                }
            }
            start[i + 1] = n;
        }
        return CohortInstance.sparse(capacities, start, mentor, w);
    }

    CohortInstance rows() {
        int m = capacities.length;
        int max = 0;
        for (short w : weights) {
            max = Math.max(max, w);
        }
        return CohortInstance.rows(participants, capacities, max,
                (i, out) -> System.arraycopy(weights, i * m, out, 0, m));
    }
}
