package dev.sparks.matching.cohort;

/**
 * The baseline the exact solver is compared with: participants in index order each take the heaviest
 * allowed mentor that still has room (lowest index on ties). No bound, no look-ahead.
 */
public final class GreedyFirstCome {

    private GreedyFirstCome() {
    }

    public static CohortAssignment assign(CohortInstance instance, CohortObjective objective) {
        long t0 = System.nanoTime();
        int p = instance.participantCount();
        int m = instance.mentorCount();
        int minimum = objective.minimumWeight();
        int[] room = instance.capacities();
        int[] mentorOf = new int[p];
        int[] weightOf = new int[p];
        short[] row = instance.isFullGraph() ? new short[m] : null;
        for (int i = 0; i < p; i++) {
            int bestMentor = CohortAssignment.UNMATCHED;
            int bestWeight = -1;
            if (row != null) {
                instance.fillRow(i, row);
                for (int j = 0; j < m; j++) {
                    int w = row[j];
                    if (w >= minimum && w > bestWeight && room[j] > 0) {
                        bestWeight = w;
                        bestMentor = j;
                    }
                }
            } else {
                for (int a = instance.arcStart(i); a < instance.arcEnd(i); a++) {
                    int j = instance.arcMentor(a);
                    int w = instance.arcWeight(a);
                    if (w >= minimum && room[j] > 0
                            && (w > bestWeight || (w == bestWeight && j < bestMentor))) {
                        bestWeight = w;
                        bestMentor = j;
                    }
                }
            }
            mentorOf[i] = bestMentor;
            if (bestMentor != CohortAssignment.UNMATCHED) {
                room[bestMentor]--;
                weightOf[i] = bestWeight;
            }
        }
        return CohortAssignment.of(instance, objective, mentorOf, weightOf, false, 0, 0,
                System.nanoTime() - t0, 0, 0);
    }
}
