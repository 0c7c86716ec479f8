package dev.sparks.matching.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class GreedyFirstComeTest {

    private static final CohortSolver SOLVER = new CohortSolver();

    @Property(tries = 200)
    void greedyNeverBeatsTheOptimum(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                    @ForAll @IntRange(min = 1, max = 150) int participants,
                                    @ForAll @IntRange(min = 1, max = 40) int mentors,
                                    @ForAll @IntRange(min = 0, max = 80) int threshold) {
        RandomCohorts cohort = RandomCohorts.generate(seed, participants, mentors, 5, 0.2, 100);
        for (CohortObjective objective : List.of(CohortObjective.bestScore(threshold), CohortObjective.mostParticipation())) {
            CohortAssignment greedy = GreedyFirstCome.assign(cohort.dense(), objective);
            CohortAssignment optimum = SOLVER.solve(cohort.dense(), objective);
            CohortChecks.assertFeasible(cohort, objective, greedy);
            assertThat(greedy.upperBound()).isEmpty();
            if (objective instanceof CohortObjective.MostParticipation) {
                assertThat(greedy.matchedCount()).isLessThanOrEqualTo(optimum.matchedCount());
                if (greedy.matchedCount() == optimum.matchedCount()) {
                    assertThat(greedy.totalWeight()).isLessThanOrEqualTo(optimum.totalWeight());
                }
            } else {
                assertThat(greedy.totalWeight()).isLessThanOrEqualTo(optimum.totalWeight());
            }
        }
    }

    @Example
    void greedyTakesTheBestPlaceLeftInArrivalOrder() {
        // p0 takes m0 (90) although p1 needs it more (80 vs 10); the optimum swaps them
        CohortInstance instance = CohortInstance.dense(2, new int[] {1, 1}, new short[] {90, 70, 80, 10});
        CohortAssignment greedy = GreedyFirstCome.assign(instance, CohortObjective.bestScore(0));
        assertThat(greedy.mentors()).containsExactly(0, 1);
        assertThat(greedy.totalWeight()).isEqualTo(100);
        CohortAssignment optimum = SOLVER.solve(instance, CohortObjective.bestScore(0));
        assertThat(optimum.mentors()).containsExactly(1, 0);
        assertThat(optimum.totalWeight()).isEqualTo(150);
        assertThat(optimum.upperBound()).hasValue(150);
        assertThat(optimum.gap()).isZero();
    }
}
