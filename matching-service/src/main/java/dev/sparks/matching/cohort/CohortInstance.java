package dev.sparks.matching.cohort;

import java.util.Arrays;

/**
 * A cohort-matching problem: participants, mentors with capacities, and an integer weight for every
 * allowed (participant, mentor) pair. A pair a hard rule forbids has no weight at all.
 *
 * <p>Three compact forms, none with an object per pair:
 * <ul>
 *   <li>{@link #dense}: a row-major {@code short} matrix, {@link #FORBIDDEN} for excluded pairs
 *       (10,000 x 2,000 takes 40 MB);</li>
 *   <li>{@link #sparse}: compressed rows of (mentor, weight), e.g. a shortlist per participant;</li>
 *   <li>{@link #rows}: a {@link RowWeights} function computing a participant's row on demand, for
 *       instances too large to store (100,000 x 20,000).</li>
 * </ul>
 */
public final class CohortInstance {

    public static final short FORBIDDEN = -1;
    public static final int MAX_WEIGHT = Short.MAX_VALUE;

    private final int participants;
    private final int[] capacities;
    private final int maxWeight;

    private final short[] matrix;
    private final RowWeights rowWeights;
    private final int[] rowStart;
    private final int[] arcMentor;
    private final short[] arcWeight;

    private CohortInstance(int participants, int[] capacities, int maxWeight, short[] matrix,
                           RowWeights rowWeights, int[] rowStart, int[] arcMentor, short[] arcWeight) {
        this.participants = participants;
        this.capacities = capacities;
        this.maxWeight = maxWeight;
        this.matrix = matrix;
        this.rowWeights = rowWeights;
        this.rowStart = rowStart;
        this.arcMentor = arcMentor;
        this.arcWeight = arcWeight;
    }

    /**
     * @param weights row-major {@code participants x capacities.length} weights in {@code 0..MAX_WEIGHT},
     *                {@link #FORBIDDEN} (or any negative value) for an excluded pair; kept, not copied
     */
    public static CohortInstance dense(int participants, int[] capacities, short[] weights) {
        checkCounts(participants, capacities);
        long cells = (long) participants * capacities.length;
        if (weights.length != cells) {
            throw new IllegalArgumentException("expected " + cells + " weights, got " + weights.length);
        }
        int max = 0;
        for (short w : weights) {
            max = Math.max(max, w);
        }
        return new CohortInstance(participants, capacities.clone(), max, weights, null, null, null, null);
    }

    /**
     * @param rowStart  {@code participants + 1} offsets into {@code mentors}/{@code weights}
     * @param mentors   mentor index of each allowed pair; a mentor appears at most once per row
     * @param weights   weight of each allowed pair in {@code 0..MAX_WEIGHT}
     */
    public static CohortInstance sparse(int[] capacities, int[] rowStart, int[] mentors, short[] weights) {
        if (rowStart.length == 0 || rowStart[0] != 0) {
            throw new IllegalArgumentException("rowStart must start with 0");
        }
        int participants = rowStart.length - 1;
        checkCounts(participants, capacities);
        int arcs = rowStart[participants];
        if (mentors.length < arcs || weights.length < arcs) {
            throw new IllegalArgumentException("rowStart points past the arc arrays");
        }
        int max = 0;
        for (int i = 0; i < participants; i++) {
            if (rowStart[i + 1] < rowStart[i]) {
                throw new IllegalArgumentException("rowStart must not decrease at participant " + i);
            }
        }
        for (int a = 0; a < arcs; a++) {
            if (mentors[a] < 0 || mentors[a] >= capacities.length) {
                throw new IllegalArgumentException("mentor index out of range at arc " + a + ": " + mentors[a]);
            }
            if (weights[a] < 0) {
                throw new IllegalArgumentException("a sparse arc must have a weight >= 0 (leave forbidden pairs out), arc " + a);
            }
            max = Math.max(max, weights[a]);
        }
        return new CohortInstance(participants, capacities.clone(), max, null, null,
                rowStart.clone(), Arrays.copyOf(mentors, arcs), Arrays.copyOf(weights, arcs));
    }

    /**
     * @param maxWeight an upper bound on every weight {@code rows} writes (used to make
     *                  {@link CohortObjective.MostParticipation} exactly lexicographic)
     */
    public static CohortInstance rows(int participants, int[] capacities, int maxWeight, RowWeights rows) {
        checkCounts(participants, capacities);
        if (maxWeight < 0 || maxWeight > MAX_WEIGHT) {
            throw new IllegalArgumentException("maxWeight must be in 0.." + MAX_WEIGHT);
        }
        return new CohortInstance(participants, capacities.clone(), maxWeight, null, rows, null, null, null);
    }

    private static void checkCounts(int participants, int[] capacities) {
        if (participants < 0) {
            throw new IllegalArgumentException("participants must be >= 0");
        }
        for (int j = 0; j < capacities.length; j++) {
            if (capacities[j] < 0) {
                throw new IllegalArgumentException("capacity of mentor " + j + " is negative");
            }
        }
    }

    public int participantCount() {
        return participants;
    }

    public int mentorCount() {
        return capacities.length;
    }

    public int capacity(int mentor) {
        return capacities[mentor];
    }

    public int[] capacities() {
        return capacities.clone();
    }

    public long totalCapacity() {
        long sum = 0;
        for (int c : capacities) {
            sum += c;
        }
        return sum;
    }

    /** An upper bound on every weight of the instance. */
    public int maxWeight() {
        return maxWeight;
    }

    /** True for the dense and row-function forms, whose every pair the solver must price. */
    public boolean isFullGraph() {
        return arcMentor == null;
    }

    /** The weight of one pair, or {@link #FORBIDDEN}. Convenient, not fast: meant for checks and tests. */
    public int weight(int participant, int mentor) {
        if (matrix != null) {
            short w = matrix[participant * capacities.length + mentor];
            return w < 0 ? FORBIDDEN : w;
        }
        if (rowWeights != null) {
            short[] row = new short[capacities.length];
            rowWeights.fill(participant, row);
            return row[mentor] < 0 ? FORBIDDEN : row[mentor];
        }
        int best = FORBIDDEN;
        for (int a = rowStart[participant]; a < rowStart[participant + 1]; a++) {
            if (arcMentor[a] == mentor) {
                best = Math.max(best, arcWeight[a]);
            }
        }
        return best;
    }

    /** Copies a full-graph participant's row into {@code out}; negative means forbidden. */
    void fillRow(int participant, short[] out) {
        if (matrix != null) {
            System.arraycopy(matrix, participant * capacities.length, out, 0, capacities.length);
        } else {
            rowWeights.fill(participant, out);
        }
    }

    int arcStart(int participant) {
        return rowStart[participant];
    }

    int arcEnd(int participant) {
        return rowStart[participant + 1];
    }

    int arcMentor(int arc) {
        return arcMentor[arc];
    }

    int arcWeight(int arc) {
        return arcWeight[arc];
    }
}
