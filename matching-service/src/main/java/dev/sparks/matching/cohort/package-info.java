/**
 * Exact cohort matching: assign each participant at most one mentor, each mentor at most its capacity,
 * maximising the total compatibility ({@link dev.sparks.matching.cohort.CohortObjective.BestScore}) or first the
 * number matched and then the total ({@link dev.sparks.matching.cohort.CohortObjective.MostParticipation}).
 *
 * <p>Plain Java with primitive arrays, no framework, so it can be unit-tested and benchmarked on its own
 * (module {@code cohort-bench}). Entry points: {@link dev.sparks.matching.cohort.CohortInstance} (dense matrix,
 * sparse shortlist or row function), {@link dev.sparks.matching.cohort.CohortSolver} (the optimum and a dual bound
 * that proves it), {@link dev.sparks.matching.cohort.GreedyFirstCome} (the naive baseline).
 */
package dev.sparks.matching.cohort;
