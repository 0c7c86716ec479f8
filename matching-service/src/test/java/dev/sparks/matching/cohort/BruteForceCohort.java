package dev.sparks.matching.cohort;

/**
 * Tries every assignment of a tiny instance. The objective is compared as (matched, weight) pairs for most
 * participation, so it shares nothing with the solver's bonus encoding.
 */
final class BruteForceCohort {

    long bestWeight;
    int bestMatched;

    private final RandomCohorts cohort;
    private final int minimum;
    private final boolean participationFirst;
    private final int[] room;

    private BruteForceCohort(RandomCohorts cohort, CohortObjective objective) {
        this.cohort = cohort;
        this.minimum = objective.minimumWeight();
        this.participationFirst = objective instanceof CohortObjective.MostParticipation;
        this.room = cohort.capacities.clone();
        this.bestWeight = -1;
    }

    static BruteForceCohort solve(RandomCohorts cohort, CohortObjective objective) {
        BruteForceCohort search = new BruteForceCohort(cohort, objective);
        search.visit(0, 0, 0);
        return search;
    }

    private void visit(int i, int matched, long weight) {
        if (i == cohort.participants) {
            boolean better = participationFirst
                    ? matched > bestMatched || (matched == bestMatched && weight > bestWeight)
                    : weight > bestWeight;
            if (better) {
                bestMatched = matched;
                bestWeight = weight;
            }
            return;
        }
        visit(i + 1, matched, weight);
        for (int j = 0; j < cohort.mentors(); j++) {
            int w = cohort.weight(i, j);
            if (w >= 0 && w >= minimum && room[j] > 0) {
                room[j]--;
                visit(i + 1, matched + 1, weight + w);
                room[j]++;
            }
        }
    }
}
