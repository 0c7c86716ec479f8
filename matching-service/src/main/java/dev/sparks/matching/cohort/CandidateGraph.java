package dev.sparks.matching.cohort;

import java.util.Arrays;

/**
 * The allowed pairs the exact search works on, as compressed rows: for participant {@code i} the arcs
 * {@code start[i] .. start[i+1]-1}, each a (mentor, weight). For a full-graph instance this is a
 * shortlist that pricing grows until no left-out pair could improve the result.
 */
final class CandidateGraph {

    final int participants;
    final int[] start;
    final int[] mentor;
    final int[] weight;

    CandidateGraph(int participants, int[] start, int[] mentor, int[] weight) {
        this.participants = participants;
        this.start = start;
        this.mentor = mentor;
        this.weight = weight;
    }

    int arcCount() {
        return start[participants];
    }

    /** The explicit pairs of a sparse instance that reach the objective's minimum weight. */
    static CandidateGraph ofSparse(CohortInstance instance, int minimumWeight) {
        int p = instance.participantCount();
        int[] start = new int[p + 1];
        int count = 0;
        for (int i = 0; i < p; i++) {
            for (int a = instance.arcStart(i); a < instance.arcEnd(i); a++) {
                if (instance.arcWeight(a) >= minimumWeight) {
                    count++;
                }
            }
            start[i + 1] = count;
        }
        int[] mentor = new int[count];
        int[] weight = new int[count];
        int n = 0;
        for (int i = 0; i < p; i++) {
            for (int a = instance.arcStart(i); a < instance.arcEnd(i); a++) {
                if (instance.arcWeight(a) >= minimumWeight) {
                    mentor[n] = instance.arcMentor(a);
                    weight[n] = instance.arcWeight(a);
                    n++;
                }
            }
        }
        return new CandidateGraph(p, start, mentor, weight);
    }

    /** This graph plus the given arcs (participant, mentor, weight), rows kept together. */
    CandidateGraph plus(ArcList added) {
        int[] extra = new int[participants + 1];
        for (int e = 0; e < added.size; e++) {
            extra[added.participant[e] + 1]++;
        }
        int[] newStart = new int[participants + 1];
        for (int i = 0; i < participants; i++) {
            newStart[i + 1] = newStart[i] + (start[i + 1] - start[i]) + extra[i + 1];
        }
        int total = newStart[participants];
        int[] newMentor = new int[total];
        int[] newWeight = new int[total];
        int[] fill = new int[participants];
        for (int i = 0; i < participants; i++) {
            int len = start[i + 1] - start[i];
            System.arraycopy(mentor, start[i], newMentor, newStart[i], len);
            System.arraycopy(weight, start[i], newWeight, newStart[i], len);
            fill[i] = newStart[i] + len;
        }
        for (int e = 0; e < added.size; e++) {
            int i = added.participant[e];
            newMentor[fill[i]] = added.mentor[e];
            newWeight[fill[i]] = added.weight[e];
            fill[i]++;
        }
        return new CandidateGraph(participants, newStart, newMentor, newWeight);
    }

    /** A growable list of arcs, one per thread during a pass over the full graph. */
    static final class ArcList {
        int[] participant = new int[1024];
        int[] mentor = new int[1024];
        int[] weight = new int[1024];
        int size;

        void add(int i, int j, int w) {
            if (size == participant.length) {
                int n = size * 2;
                participant = Arrays.copyOf(participant, n);
                mentor = Arrays.copyOf(mentor, n);
                weight = Arrays.copyOf(weight, n);
            }
            participant[size] = i;
            mentor[size] = j;
            weight[size] = w;
            size++;
        }

        void addAll(ArcList other) {
            for (int e = 0; e < other.size; e++) {
                add(other.participant[e], other.mentor[e], other.weight[e]);
            }
        }
    }
}
