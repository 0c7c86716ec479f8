package dev.sparks.matching.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;

class CohortSolverTest {

    private static final CohortSolver SOLVER = new CohortSolver();
    /** Forces column generation: one candidate per participant, one more pair per round. */
    private static final CohortSolver NARROW = new CohortSolver(CohortSolver.Options.defaults().withShortlist(1, 1));

    @Property(tries = 1500)
    void tinyInstancesMatchBruteForce(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                      @ForAll @IntRange(min = 0, max = 7) int participants,
                                      @ForAll @IntRange(min = 1, max = 4) int mentors,
                                      @ForAll @IntRange(min = 0, max = 60) int forbiddenPercent,
                                      @ForAll @IntRange(min = 1, max = 100) int maxWeight,
                                      @ForAll @IntRange(min = 0, max = 100) int threshold) {
        RandomCohorts cohort = RandomCohorts.generate(seed, participants, mentors, 3, forbiddenPercent / 100.0, maxWeight);
        for (CohortObjective objective : List.of(CohortObjective.bestScore(threshold % (maxWeight + 1)),
                CohortObjective.bestScore(0), CohortObjective.mostParticipation())) {
            BruteForceCohort truth = BruteForceCohort.solve(cohort, objective);
            for (CohortInstance instance : List.of(cohort.dense(), cohort.sparse(), cohort.rows())) {
                for (CohortSolver solver : List.of(SOLVER, NARROW)) {
                    CohortAssignment result = solver.solve(instance, objective);
                    CohortChecks.assertFeasible(cohort, objective, result);
                    assertThat(result.totalWeight()).as("total weight, %s", objective).isEqualTo(truth.bestWeight);
                    if (objective instanceof CohortObjective.MostParticipation) {
                        assertThat(result.matchedCount()).isEqualTo(truth.bestMatched);
                    }
                    assertThat(result.isProvenOptimal()).as("dual bound meets the optimum: %s", result).isTrue();
                }
            }
        }
    }

    @Property(tries = 40)
    void mediumInstancesMatchReferenceFlow(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                           @ForAll @IntRange(min = 20, max = 250) int participants,
                                           @ForAll @IntRange(min = 2, max = 60) int mentors,
                                           @ForAll @IntRange(min = 1, max = 10) int maxCapacity,
                                           @ForAll @IntRange(min = 0, max = 90) int forbiddenPercent,
                                           @ForAll @IntRange(min = 1, max = 100) int maxWeight,
                                           @ForAll @IntRange(min = 0, max = 100) int threshold) {
        RandomCohorts cohort = RandomCohorts.generate(seed, participants, mentors, maxCapacity, forbiddenPercent / 100.0,
                maxWeight);
        checkAgainstReference(cohort, CohortObjective.bestScore(threshold % (maxWeight + 1)));
        checkAgainstReference(cohort, CohortObjective.mostParticipation());
    }

    @Property(tries = 25)
    void scaledWeightsUpToTheMaximumStayExact(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                              @ForAll @IntRange(min = 10, max = 150) int participants,
                                              @ForAll @IntRange(min = 2, max = 30) int mentors) {
        // one decimal (score * 10) and beyond: the participation bonus and all sums must stay exact in longs
        RandomCohorts cohort = RandomCohorts.generate(seed, participants, mentors, 4, 0.3, CohortInstance.MAX_WEIGHT);
        checkAgainstReference(cohort, CohortObjective.bestScore(CohortInstance.MAX_WEIGHT / 2));
        checkAgainstReference(cohort, CohortObjective.mostParticipation());
    }

    @Example
    void thousandParticipantsMatchReferenceFlow() {
        RandomCohorts cohort = RandomCohorts.generate(42, 1000, 120, 10, 0.3, 100);
        checkAgainstReference(cohort, CohortObjective.bestScore(0));
        checkAgainstReference(cohort, CohortObjective.bestScore(60));
        checkAgainstReference(cohort, CohortObjective.mostParticipation());
    }

    @Example
    void scarceCapacityWithFewWeightLevelsMatchesReferenceFlow() {
        // more participants than places and only 4 weight levels: many ties and many released participants
        RandomCohorts cohort = RandomCohorts.generate(7, 600, 40, 3, 0.5, 3);
        checkAgainstReference(cohort, CohortObjective.bestScore(0));
        checkAgainstReference(cohort, CohortObjective.bestScore(2));
        checkAgainstReference(cohort, CohortObjective.mostParticipation());
    }

    @Property(tries = 200)
    void mostParticipationMatchesAsManyAsPossible(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                                  @ForAll @IntRange(min = 1, max = 120) int participants,
                                                  @ForAll @IntRange(min = 1, max = 30) int mentors,
                                                  @ForAll @IntRange(min = 1, max = 4) int maxCapacity,
                                                  @ForAll @IntRange(min = 0, max = 95) int forbiddenPercent) {
        RandomCohorts cohort = RandomCohorts.generate(seed, participants, mentors, maxCapacity, forbiddenPercent / 100.0, 100);
        CohortAssignment result = SOLVER.solve(cohort.sparse(), CohortObjective.mostParticipation());
        CohortChecks.assertFeasible(cohort, CohortObjective.mostParticipation(), result);
        assertThat(result.matchedCount()).isEqualTo(MaximumParticipation.of(cohort));
        assertThat(result.participationUpperBound()).hasValue(result.matchedCount());
        CohortAssignment bestScore = SOLVER.solve(cohort.sparse(), CohortObjective.bestScore(0));
        assertThat(result.matchedCount()).isGreaterThanOrEqualTo(bestScore.matchedCount());
    }

    @Property(tries = 60)
    void interruptedRunsStayFeasibleAndBounded(@ForAll @LongRange(min = 0, max = Long.MAX_VALUE) long seed,
                                               @ForAll @IntRange(min = 50, max = 300) int participants,
                                               @ForAll @IntRange(min = 5, max = 40) int mentors) {
        RandomCohorts cohort = RandomCohorts.generate(seed, participants, mentors, 4, 0.3, 100);
        CohortSolver hurried = new CohortSolver(CohortSolver.Options.defaults().withTimeLimit(Duration.ZERO));
        for (CohortObjective objective : List.of(CohortObjective.bestScore(30), CohortObjective.mostParticipation())) {
            ReferenceMinCostFlow truth = ReferenceMinCostFlow.solve(cohort, objective);
            for (CohortInstance instance : List.of(cohort.sparse(), cohort.dense())) {
                CohortAssignment result = hurried.solve(instance, objective);
                CohortChecks.assertFeasible(cohort, objective, result);
                if (objective instanceof CohortObjective.MostParticipation) {
                    assertThat(result.participationUpperBound().orElseThrow()).isGreaterThanOrEqualTo(truth.matched);
                    if (result.matchedCount() == truth.matched) {
                        assertThat(result.upperBound().orElseThrow()).isGreaterThanOrEqualTo(truth.totalWeight);
                    }
                } else {
                    assertThat(result.upperBound().orElseThrow()).isGreaterThanOrEqualTo(truth.totalWeight);
                    assertThat(result.totalWeight()).isLessThanOrEqualTo(truth.totalWeight);
                }
            }
        }
    }

    @Example
    void emptyAndDegenerateInstances() {
        CohortInstance nobody = CohortInstance.dense(0, new int[] {2, 3}, new short[0]);
        assertThat(SOLVER.solve(nobody, CohortObjective.mostParticipation()).matchedCount()).isZero();
        CohortInstance noMentors = CohortInstance.dense(3, new int[0], new short[0]);
        CohortAssignment none = SOLVER.solve(noMentors, CohortObjective.bestScore(0));
        assertThat(none.matchedCount()).isZero();
        assertThat(none.isProvenOptimal()).isTrue();
        CohortInstance allForbidden = CohortInstance.dense(2, new int[] {1}, new short[] {-1, -1});
        assertThat(SOLVER.solve(allForbidden, CohortObjective.mostParticipation()).mentorOf(0))
                .isEqualTo(CohortAssignment.UNMATCHED);
    }

    @Example
    void mostParticipationGivesUpWeightForOneMoreMatch() {
        // p0 likes m0 (100) and tolerates m1 (0); p1 only accepts m0 (1). Best score: p0-m0 alone (100).
        // Most participation: p0-m1, p1-m0 (two matched, weight 1).
        CohortInstance instance = CohortInstance.dense(2, new int[] {1, 1}, new short[] {100, 0, 1, -1});
        CohortAssignment best = SOLVER.solve(instance, CohortObjective.bestScore(0));
        assertThat(best.totalWeight()).isEqualTo(100);
        CohortAssignment most = SOLVER.solve(instance, CohortObjective.mostParticipation());
        assertThat(most.matchedCount()).isEqualTo(2);
        assertThat(most.totalWeight()).isEqualTo(1);
        assertThat(most.mentors()).containsExactly(1, 0);
        assertThat(most.lowestMatchedScore()).isZero();
    }

    private static void checkAgainstReference(RandomCohorts cohort, CohortObjective objective) {
        ReferenceMinCostFlow truth = ReferenceMinCostFlow.solve(cohort, objective);
        for (CohortInstance instance : List.of(cohort.sparse(), cohort.dense(), cohort.rows())) {
            for (CohortSolver solver : List.of(SOLVER, NARROW)) {
                CohortAssignment result = solver.solve(instance, objective);
                CohortChecks.assertFeasible(cohort, objective, result);
                assertThat(result.totalWeight()).as("%s on %s", objective, result).isEqualTo(truth.totalWeight);
                if (objective instanceof CohortObjective.MostParticipation) {
                    assertThat(result.matchedCount()).isEqualTo(truth.matched);
                }
                assertThat(result.isProvenOptimal()).as("%s", result).isTrue();
            }
        }
    }
}
