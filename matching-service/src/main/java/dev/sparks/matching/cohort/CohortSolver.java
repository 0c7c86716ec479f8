package dev.sparks.matching.cohort;

import java.time.Duration;

/**
 * Exact cohort matching: the optimum of {@link CohortObjective} over a {@link CohortInstance}, with a dual
 * bound that proves it.
 *
 * <p>Both objectives become one maximum-weight problem on {@code value = weight + bonus}: bonus 0 for best
 * score, and for most participation a bonus larger than any total weight, so one more matched participant
 * always outweighs every weight difference (exactly lexicographic; all sums are {@code long}).
 *
 * <p>A sparse instance is solved directly by {@link PrimalDualMatcher}. A full graph (dense or row function)
 * is solved by column generation: the exact search runs on each participant's shortlist, then a pricing pass
 * over every pair checks the search's duals; pairs that violate them join the shortlist and the search runs
 * again, warm-started from its previous prices and matching. When no pair violates them, the duals are feasible
 * for the full graph and equal the result, so the result is the optimum of the full graph.
 *
 * <p>With a time limit, the search stops early enough for one more pricing pass, and the best result and the
 * best bound so far are returned ({@link CohortAssignment#gap()} tells how far apart they are). The passes over
 * the full graph themselves always complete, so a limit shorter than two passes is exceeded.
 */
public final class CohortSolver {

    /**
     * @param threads        threads for the passes over a full graph (the exact search itself is sequential)
     * @param shortlistSize  pairs per participant in the first candidate graph of a full-graph instance
     * @param addPerRound    most violating pairs added per participant and pricing round
     * @param timeLimit      stop with the best result and bound so far after this long; null for none
     */
    public record Options(int threads, int shortlistSize, int addPerRound, Duration timeLimit) {

        public Options {
            if (threads < 1 || shortlistSize < 1 || addPerRound < 1) {
                throw new IllegalArgumentException("threads, shortlistSize and addPerRound must be >= 1");
            }
        }

        public static Options defaults() {
            return new Options(Math.min(2, Runtime.getRuntime().availableProcessors()), 32, 32, null);
        }

        public Options withTimeLimit(Duration limit) {
            return new Options(threads, shortlistSize, addPerRound, limit);
        }

        public Options withShortlist(int size, int perRound) {
            return new Options(threads, size, perRound, timeLimit);
        }

        public Options withThreads(int count) {
            return new Options(count, shortlistSize, addPerRound, timeLimit);
        }
    }

    private final Options options;

    public CohortSolver() {
        this(Options.defaults());
    }

    public CohortSolver(Options options) {
        this.options = options;
    }

    public CohortAssignment solve(CohortInstance instance, CohortObjective objective) {
        long t0 = System.nanoTime();
        long bonus = participationBonus(instance, objective);
        return instance.isFullGraph()
                ? solveFullGraph(instance, objective, bonus, t0)
                : solveSparse(instance, objective, bonus, t0);
    }

    private CohortAssignment solveSparse(CohortInstance instance, CohortObjective objective, long bonus, long t0) {
        int[] capacity = instance.capacities();
        CandidateGraph graph = CandidateGraph.ofSparse(instance, objective.minimumWeight());
        PrimalDualMatcher matcher = new PrimalDualMatcher(graph, capacity, bonus);
        if (!matcher.solve(deadline(t0, 0))) {
            fillRemainingPlaces(matcher);
        }
        long bestValueSum = 0;
        for (int i = 0; i < graph.participants; i++) {
            long b = 0;
            for (int a = graph.start[i]; a < graph.start[i + 1]; a++) {
                b = Math.max(b, graph.weight[a] + bonus - matcher.price[graph.mentor[a]]);
            }
            bestValueSum += b;
        }
        long dualBound = bestValueSum + capacityTimesPrice(capacity, matcher.price);
        return result(instance, objective, matcher, bonus, dualBound, System.nanoTime() - t0, 1, graph.arcCount());
    }

    private CohortAssignment solveFullGraph(CohortInstance instance, CohortObjective objective, long bonus, long t0) {
        int[] capacity = instance.capacities();
        int minimum = objective.minimumWeight();
        CandidateGraph graph = FullGraphPricing.shortlist(instance, minimum, options.shortlistSize(), options.threads());
        long lastPassNanos = System.nanoTime() - t0;
        long bestDualBound = Long.MAX_VALUE;
        PrimalDualMatcher best = null;
        long bestValue = Long.MIN_VALUE;
        PrimalDualMatcher previous = null;
        for (int round = 1; ; round++) {
            PrimalDualMatcher matcher = new PrimalDualMatcher(graph, capacity, bonus);
            // stop searching in time for the pricing pass that proves the bound
            long searchDeadline = deadline(t0, lastPassNanos);
            boolean optimal = previous == null ? matcher.solve(searchDeadline) : matcher.solveFrom(previous, searchDeadline);
            if (!optimal) {
                fillRemainingPlaces(matcher);
            }
            long value = objectiveValue(matcher, bonus);
            if (value > bestValue) {
                best = matcher;
                bestValue = value;
            }
            long passStart = System.nanoTime();
            FullGraphPricing.Pricing pricing = FullGraphPricing.price(instance, minimum, bonus, matcher.price,
                    matcher.u, options.addPerRound(), options.threads());
            lastPassNanos = System.nanoTime() - passStart;
            long dualBound = pricing.sumBestValue() + capacityTimesPrice(capacity, matcher.price);
            bestDualBound = Math.min(bestDualBound, dualBound);
            // a warm-started search is short, and its own deadline leaves time for the next pricing pass
            boolean timeForAnotherRound = System.nanoTime() + lastPassNanos - deadline(t0, 0) < 0;
            if (!optimal || pricing.violating().size == 0 || !timeForAnotherRound) {
                return result(instance, objective, best, bonus, bestDualBound, System.nanoTime() - t0, round,
                        graph.arcCount());
            }
            graph = graph.plus(pricing.violating());
            previous = matcher;
        }
    }

    /** When the search must stop ({@link System#nanoTime()} scale): the time limit less a reserve. */
    private long deadline(long t0, long reserveNanos) {
        if (options.timeLimit() == null) {
            return t0 + Long.MAX_VALUE / 2;
        }
        return t0 + options.timeLimit().toNanos() - reserveNanos;
    }

    /** Total value (weight + bonus per matched participant) of a matcher's assignment. */
    private static long objectiveValue(PrimalDualMatcher matcher, long bonus) {
        long value = 0;
        for (int i = 0; i < matcher.mentorOf.length; i++) {
            if (matcher.mentorOf[i] >= 0) {
                value += matcher.matchedWeight(i) + bonus;
            }
        }
        return value;
    }

    /** Exceeds any total weight, so participation dominates; 0 for best score. */
    static long participationBonus(CohortInstance instance, CohortObjective objective) {
        if (!(objective instanceof CohortObjective.MostParticipation)) {
            return 0;
        }
        long matchable = Math.min(instance.participantCount(), instance.totalCapacity());
        long bonus = Math.addExact(Math.multiplyExact((long) instance.maxWeight(), matchable), 1);
        // the dual bound sums about participants * (bonus + max weight): it must stay within a long
        Math.multiplyExact(Math.addExact(bonus, instance.maxWeight()), Math.max(1L, instance.participantCount() + matchable));
        return bonus;
    }

    private static long capacityTimesPrice(int[] capacity, long[] price) {
        long sum = 0;
        for (int j = 0; j < capacity.length; j++) {
            sum += (long) capacity[j] * price[j];
        }
        return sum;
    }

    /** After an interrupted search: give unmatched participants their best candidate that still has room. */
    private static void fillRemainingPlaces(PrimalDualMatcher matcher) {
        CandidateGraph g = matcher.graph();
        for (int i = 0; i < g.participants; i++) {
            if (matcher.mentorOf[i] >= 0) {
                continue;
            }
            int bestArc = -1;
            for (int a = g.start[i]; a < g.start[i + 1]; a++) {
                if (matcher.hasRoomFor(a) && (bestArc < 0 || g.weight[a] > g.weight[bestArc])) {
                    bestArc = a;
                }
            }
            if (bestArc >= 0) {
                matcher.place(i, bestArc);
            }
        }
    }

    private static CohortAssignment result(CohortInstance instance, CohortObjective objective, PrimalDualMatcher matcher,
                                           long bonus, long dualBound, long nanos, int rounds, long arcs) {
        int p = instance.participantCount();
        int[] mentorOf = matcher.mentorOf.clone();
        int[] weightOf = new int[p];
        int matched = 0;
        for (int i = 0; i < p; i++) {
            if (mentorOf[i] >= 0) {
                weightOf[i] = matcher.matchedWeight(i);
                matched++;
            }
        }
        long weightBound = dualBound;
        int participationBound = matched;
        if (bonus > 0) {
            long byBound = dualBound / bonus;
            long byCounts = Math.min(p, instance.totalCapacity());
            participationBound = (int) Math.min(byBound, byCounts);
            weightBound = dualBound - bonus * matched;
        }
        return CohortAssignment.of(instance, objective, mentorOf, weightOf, true, weightBound, participationBound,
                nanos, rounds, arcs);
    }
}
