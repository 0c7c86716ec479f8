package dev.sparks.matching.cohort;

import java.util.ArrayDeque;
import java.util.Arrays;

/**
 * An independent exact reference: successive shortest paths with Bellman-Ford (queue-based) on the explicit
 * flow network source -> participant -> mentor -> sink, costs = -value. It augments one unit at a time while
 * the cheapest path still has negative cost. Slow and obviously right.
 *
 * <p>For most participation each pair's value is weight + 1,000,000,000, a different constant from the
 * solver's (test instances have total weight far below it).
 */
final class ReferenceMinCostFlow {

    static final long PARTICIPATION_VALUE = 1_000_000_000L;

    long totalWeight;
    int matched;

    private int nodes;
    private int[] head;
    private int[] next;
    private int[] to;
    private int[] cap;
    private long[] cost;
    private int arcs;

    static ReferenceMinCostFlow solve(RandomCohorts cohort, CohortObjective objective) {
        ReferenceMinCostFlow flow = new ReferenceMinCostFlow();
        flow.run(cohort, objective);
        return flow;
    }

    private void run(RandomCohorts cohort, CohortObjective objective) {
        int p = cohort.participants;
        int m = cohort.mentors();
        int source = p + m;
        int sink = p + m + 1;
        nodes = p + m + 2;
        int maxArcs = 2 * (p + p * m + m);
        head = new int[nodes];
        Arrays.fill(head, -1);
        next = new int[maxArcs];
        to = new int[maxArcs];
        cap = new int[maxArcs];
        cost = new long[maxArcs];
        long extra = objective instanceof CohortObjective.MostParticipation ? PARTICIPATION_VALUE : 0;
        for (int i = 0; i < p; i++) {
            addArc(source, i, 1, 0);
            for (int j = 0; j < m; j++) {
                int w = cohort.weight(i, j);
                if (w >= 0 && w >= objective.minimumWeight()) {
                    addArc(i, p + j, 1, -(w + extra));
                }
            }
        }
        for (int j = 0; j < m; j++) {
            addArc(p + j, sink, cohort.capacities[j], 0);
        }
        long total = 0;
        int units = 0;
        long[] dist = new long[nodes];
        int[] via = new int[nodes];
        boolean[] queued = new boolean[nodes];
        while (true) {
            Arrays.fill(dist, Long.MAX_VALUE);
            Arrays.fill(via, -1);
            dist[source] = 0;
            ArrayDeque<Integer> queue = new ArrayDeque<>();
            queue.add(source);
            queued[source] = true;
            while (!queue.isEmpty()) {
                int v = queue.poll();
                queued[v] = false;
                for (int a = head[v]; a >= 0; a = next[a]) {
                    if (cap[a] > 0 && dist[v] + cost[a] < dist[to[a]]) {
                        dist[to[a]] = dist[v] + cost[a];
                        via[to[a]] = a;
                        if (!queued[to[a]]) {
                            queued[to[a]] = true;
                            queue.add(to[a]);
                        }
                    }
                }
            }
            if (dist[sink] == Long.MAX_VALUE || dist[sink] >= 0) {
                break;
            }
            for (int v = sink; v != source; v = to[via[v] ^ 1]) {
                cap[via[v]]--;
                cap[via[v] ^ 1]++;
            }
            total += dist[sink];
            units++;
        }
        matched = units;
        totalWeight = -total - extra * units;
    }

    private void addArc(int from, int target, int capacity, long c) {
        to[arcs] = target;
        cap[arcs] = capacity;
        cost[arcs] = c;
        next[arcs] = head[from];
        head[from] = arcs++;
        to[arcs] = from;
        cap[arcs] = 0;
        cost[arcs] = -c;
        next[arcs] = head[target];
        head[target] = arcs++;
    }
}
