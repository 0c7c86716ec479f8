package dev.sparks.cohort.bench;

import com.google.ortools.Loader;
import com.google.ortools.graph.MinCostFlow;
import com.google.ortools.graph.MinCostFlowBase;
import dev.sparks.matching.cohort.CohortObjective;

/**
 * The reference: OR-Tools min-cost flow on the full graph. Nodes: participants, mentors, one sink. Arcs:
 * participant -> mentor for every allowed pair (capacity 1, cost -(weight + bonus)), participant -> sink
 * (capacity 1, cost 0: stays unmatched), mentor -> sink (capacity = mentor capacity, cost 0). Every
 * participant supplies 1, the sink absorbs all.
 */
final class OrToolsReference {

    record Result(long totalWeight, int matched, long buildNanos, long solveNanos, int arcs) {
    }

    private OrToolsReference() {
    }

    static void load() {
        Loader.loadNativeLibraries();
    }

    /**
     * @param bonus the lexicographic bonus for most participation (0 for best score); any value above the
     *              largest total weight gives the same optimum
     */
    static Result solve(int participants, int[] capacities, short[] matrix, CohortObjective objective, long bonus) {
        int mentors = capacities.length;
        int sink = participants + mentors;
        int minimum = objective.minimumWeight();
        long t0 = System.nanoTime();
        int allowed = 0;
        for (short w : matrix) {
            if (w >= 0 && w >= minimum) {
                allowed++;
            }
        }
        MinCostFlow flow = new MinCostFlow(participants + mentors + 1, allowed + participants + mentors);
        for (int i = 0; i < participants; i++) {
            int base = i * mentors;
            for (int j = 0; j < mentors; j++) {
                int w = matrix[base + j];
                if (w >= 0 && w >= minimum) {
                    flow.addArcWithCapacityAndUnitCost(i, participants + j, 1, -(w + bonus));
                }
            }
            flow.addArcWithCapacityAndUnitCost(i, sink, 1, 0);
            flow.setNodeSupply(i, 1);
        }
        for (int j = 0; j < mentors; j++) {
            flow.addArcWithCapacityAndUnitCost(participants + j, sink, capacities[j], 0);
        }
        flow.setNodeSupply(sink, -participants);
        long t1 = System.nanoTime();
        MinCostFlowBase.Status status = flow.solve();
        long t2 = System.nanoTime();
        if (status != MinCostFlowBase.Status.OPTIMAL) {
            throw new IllegalStateException("OR-Tools did not solve: " + status);
        }
        long value = -flow.getOptimalCost();
        int arcs = flow.getNumArcs();
        flow.delete();
        int matched = bonus > 0 ? (int) (value / bonus) : -1;
        long weight = bonus > 0 ? value - matched * bonus : value;
        return new Result(weight, matched, t1 - t0, t2 - t1, arcs);
    }
}
