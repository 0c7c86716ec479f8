package dev.sparks.matching.cohort;

import java.util.Arrays;

/**
 * Exact maximum-weight capacitated matching (b-matching with unit participants) on a candidate graph,
 * by the primal-dual (Hungarian) method with integer duals.
 *
 * <p>Duals: {@code u[i] >= 0} per participant, {@code price[j] >= 0} per mentor, with
 * {@code u[i] + price[j] >= value(i,j)} on every arc, where {@code value = weight + bonus}. Every matched arc
 * is kept tight (equality) and the duals feasible. The matching is optimal when, in addition, no unmatched
 * participant has {@code u > 0} ("waiting") and no mentor with a free place has a positive price
 * ("deficient"): then its value equals the dual bound {@code sum u + sum capacity * price}.
 *
 * <p>Forward phases remove waiting participants: one multi-source Dijkstra over reduced costs from all of them
 * (mentors in a heap; a full mentor passes on to its participants at no cost). A path ends at a mentor with a
 * free place, or at a matched participant whose {@code u} would reach 0 (it is released). Moving the duals by
 * the shortest distance makes all shortest paths tight; depth-first searches then augment along tight paths
 * until none is left, so the next step is at least 1 (integer data).
 *
 * <p>Reverse phases remove deficient mentors, which only a warm start creates ({@link #solveFrom}: prices kept
 * from a search on fewer arcs). They mirror the forward ones: Dijkstra backwards from deficient mentors lowers
 * prices until a participant can move in or the price reaches 0.
 *
 * <p>The tight graph is large when many weights are equal, and path ends are often rare (a few mentors with
 * room) while waiting participants are many, or the other way round. The searches therefore start from
 * whichever side has fewer members, so they stop at the first member of the abundant side instead of
 * wandering through the tight graph looking for a rare one.
 */
final class PrimalDualMatcher {

    private static final long INF = Long.MAX_VALUE / 4;

    private final CandidateGraph graph;
    private final int participants;
    private final int mentors;
    private final int[] start;
    private final int[] arcMentor;
    private final int[] arcWeight;
    private final int[] capacity;
    private final long bonus;

    /** Arcs by mentor: {@code columnArc[columnStart[j] .. columnStart[j+1]-1]} are arc indexes into mentor j. */
    private final int[] columnStart;
    private final int[] columnArc;
    private final int[] arcParticipant;

    final long[] u;
    final long[] price;
    final int[] mentorOf;
    final int[] matchedArc;

    private final int[] holderStart;
    private final int[] holders;
    private final int[] load;

    private final long[] dist;
    private final int[] distStamp;
    private int stamp;
    private final int[] heap;
    private final int[] heapPos;
    private int heapSize;
    private final int[] scanned;
    private final long[] scannedDist;
    private int scannedCount;
    private final int[] settled;
    private int settledCount;
    private long best;

    private final int[] visited;
    private int pass;
    private final int[] pathParticipant;
    private final int[] pathCursor;
    private final int[] pathMentor;
    private final int[] pathArc;
    private final int[] pathHolder;

    int phases;
    int augmentations;

    PrimalDualMatcher(CandidateGraph graph, int[] capacity, long bonus) {
        this.graph = graph;
        this.participants = graph.participants;
        this.mentors = capacity.length;
        this.start = graph.start;
        this.arcMentor = graph.mentor;
        this.arcWeight = graph.weight;
        this.capacity = capacity;
        this.bonus = bonus;
        int arcs = graph.arcCount();
        arcParticipant = new int[arcs];
        columnStart = new int[mentors + 1];
        for (int i = 0; i < participants; i++) {
            for (int a = start[i]; a < start[i + 1]; a++) {
                arcParticipant[a] = i;
                columnStart[arcMentor[a] + 1]++;
            }
        }
        for (int j = 0; j < mentors; j++) {
            columnStart[j + 1] += columnStart[j];
        }
        columnArc = new int[arcs];
        int[] fill = Arrays.copyOf(columnStart, mentors);
        for (int a = 0; a < arcs; a++) {
            columnArc[fill[arcMentor[a]]++] = a;
        }
        u = new long[participants];
        price = new long[mentors];
        mentorOf = new int[participants];
        matchedArc = new int[participants];
        Arrays.fill(mentorOf, -1);
        Arrays.fill(matchedArc, -1);
        holderStart = new int[mentors + 1];
        for (int j = 0; j < mentors; j++) {
            // a mentor never holds more than all participants, whatever its declared capacity
            holderStart[j + 1] = holderStart[j] + Math.min(capacity[j], participants);
        }
        holders = new int[holderStart[mentors]];
        load = new int[mentors];
        dist = new long[mentors];
        distStamp = new int[mentors];
        heap = new int[mentors];
        heapPos = new int[mentors];
        Arrays.fill(heapPos, -1);
        scanned = new int[participants];
        scannedDist = new long[participants];
        settled = new int[mentors];
        visited = new int[mentors];
        pathParticipant = new int[mentors + 2];
        pathCursor = new int[mentors + 2];
        pathMentor = new int[mentors + 2];
        pathArc = new int[mentors + 2];
        pathHolder = new int[mentors + 2];
    }

    private long value(int arc) {
        return arcWeight[arc] + bonus;
    }

    private boolean tight(int arc) {
        return u[arcParticipant[arc]] + price[arcMentor[arc]] == value(arc);
    }

    private boolean hasRoom(int j) {
        return load[j] < capacity[j] && load[j] < participants;
    }

    private boolean waiting(int i) {
        return mentorOf[i] < 0 && u[i] > 0;
    }

    /**
     * Runs from zero prices to optimality or until {@code deadlineNanos} (compared with {@link System#nanoTime()}).
     *
     * @return true when the matching is proven optimal on the candidate graph
     */
    boolean solve(long deadlineNanos) {
        for (int i = 0; i < participants; i++) {
            u[i] = bestValue(i);
        }
        return run(deadlineNanos);
    }

    /**
     * Runs from the prices and matching of a search on a smaller graph: this graph must hold all of its arcs,
     * each row keeping them first and in the same order ({@link CandidateGraph#plus}). Participants whose new
     * arcs raise their {@code u} lose their (no longer tight) mentor and wait again; a mentor left with a free
     * place at a positive price is repaired by the reverse search.
     */
    boolean solveFrom(PrimalDualMatcher previous, long deadlineNanos) {
        System.arraycopy(previous.price, 0, price, 0, mentors);
        int[] oldStart = previous.start;
        for (int i = 0; i < participants; i++) {
            u[i] = bestValue(i);
            int oldArc = previous.matchedArc[i];
            if (oldArc >= 0) {
                int a = start[i] + (oldArc - oldStart[i]);
                if (tight(a)) {
                    place(i, a);
                }
            }
        }
        return run(deadlineNanos);
    }

    private long bestValue(int i) {
        long best = 0;
        for (int a = start[i]; a < start[i + 1]; a++) {
            best = Math.max(best, value(a) - price[arcMentor[a]]);
        }
        return best;
    }

    /** Forward phases until nobody waits, then reverse phases until no mentor has room at a positive price. */
    private boolean run(long deadlineNanos) {
        augmentAll();
        while (hasWaitingParticipant()) {
            if (System.nanoTime() - deadlineNanos > 0) {
                return false;
            }
            long step = shortestPaths();
            checkProgress(step);
            moveDuals(step);
            augmentAll();
            phases++;
        }
        // the reverse search never makes anyone wait again: it only raises the u of matched participants
        repairAll();
        while (hasDeficientMentor()) {
            if (System.nanoTime() - deadlineNanos > 0) {
                return false;
            }
            long step = reverseShortestPaths();
            checkProgress(step);
            moveDualsReverse(step);
            repairAll();
            phases++;
        }
        return true;
    }

    /** Exhaustive augmentation leaves no tight path, so a step of 0 means broken invariants: fail, never spin. */
    private static void checkProgress(long step) {
        if (step <= 0 || step >= INF) {
            throw new IllegalStateException("dual step " + step + " after exhaustive augmentation");
        }
    }

    private boolean hasWaitingParticipant() {
        for (int i = 0; i < participants; i++) {
            if (waiting(i)) {
                return true;
            }
        }
        return false;
    }

    // ---- Dijkstra over reduced costs -------------------------------------------------------------

    private long shortestPaths() {
        stamp++;
        heapSize = 0;
        scannedCount = 0;
        settledCount = 0;
        best = INF;
        for (int i = 0; i < participants; i++) {
            if (waiting(i)) {
                scan(i, 0);
            }
        }
        while (heapSize > 0) {
            int k = heap[0];
            long d = dist[k];
            if (d >= best) {
                break;
            }
            popMin();
            settled[settledCount++] = k;
            if (hasRoom(k)) {
                best = d;
                break;
            }
            for (int h = holderStart[k], end = holderStart[k] + load[k]; h < end; h++) {
                scan(holders[h], d);
            }
        }
        return best;
    }

    private void scan(int i, long d) {
        scanned[scannedCount] = i;
        scannedDist[scannedCount] = d;
        scannedCount++;
        long base = d + u[i];
        if (base < best) {
            best = base; // i released (or, for a waiting participant, left unmatched) costs d + u[i]
        }
        for (int a = start[i], end = start[i + 1]; a < end; a++) {
            int k = arcMentor[a];
            long nd = base + price[k] - value(a);
            // reduced costs are >= 0, so a settled mentor (dist <= d <= nd) is never improved again
            if (nd < best && (distStamp[k] != stamp || nd < dist[k])) {
                distStamp[k] = stamp;
                dist[k] = nd;
                pushOrDecrease(k);
            }
        }
    }

    private void moveDuals(long step) {
        for (int s = 0; s < settledCount; s++) {
            int k = settled[s];
            if (dist[k] < step) {
                price[k] += step - dist[k];
            }
        }
        for (int s = 0; s < scannedCount; s++) {
            long d = scannedDist[s];
            if (d < step) {
                u[scanned[s]] -= step - d;
            }
        }
        for (int h = 0; h < heapSize; h++) {
            heapPos[heap[h]] = -1;
        }
        heapSize = 0;
    }

    private void pushOrDecrease(int k) {
        int pos = heapPos[k];
        if (pos < 0) {
            pos = heapSize++;
        }
        long d = dist[k];
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            int pk = heap[parent];
            if (dist[pk] <= d) {
                break;
            }
            heap[pos] = pk;
            heapPos[pk] = pos;
            pos = parent;
        }
        heap[pos] = k;
        heapPos[k] = pos;
    }

    private void popMin() {
        int top = heap[0];
        heapPos[top] = -1;
        int last = heap[--heapSize];
        if (heapSize == 0) {
            return;
        }
        long d = dist[last];
        int pos = 0;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= heapSize) {
                break;
            }
            if (child + 1 < heapSize && dist[heap[child + 1]] < dist[heap[child]]) {
                child++;
            }
            if (dist[heap[child]] >= d) {
                break;
            }
            heap[pos] = heap[child];
            heapPos[heap[pos]] = pos;
            pos = child;
        }
        heap[pos] = last;
        heapPos[last] = pos;
    }

    // ---- reverse search: mentors with a free place and a positive price ----------------------------

    private boolean deficient(int j) {
        return hasRoom(j) && price[j] > 0;
    }

    private boolean hasDeficientMentor() {
        for (int j = 0; j < mentors; j++) {
            if (deficient(j)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Multi-source Dijkstra backwards from deficient mentors: from a mentor to the participants with an arc into
     * it (cost = reduced cost), from such a participant to its own mentor (cost 0). A path ends at a free
     * participant (who joins), or at a mentor whose price reaches 0 (it gives one participant away; for a source
     * this is simply lowering its price to 0).
     */
    private long reverseShortestPaths() {
        stamp++;
        heapSize = 0;
        settledCount = 0;
        best = INF;
        for (int j = 0; j < mentors; j++) {
            if (deficient(j)) {
                distStamp[j] = stamp;
                dist[j] = 0;
                pushOrDecrease(j);
            }
        }
        while (heapSize > 0) {
            int m = heap[0];
            long d = dist[m];
            if (d >= best) {
                break;
            }
            popMin();
            settled[settledCount++] = m;
            best = Math.min(best, d + price[m]);
            for (int c = columnStart[m], end = columnStart[m + 1]; c < end; c++) {
                int a = columnArc[c];
                int i = arcParticipant[a];
                int from = mentorOf[i];
                if (from == m) {
                    continue;
                }
                long nd = d + u[i] + price[m] - value(a);
                if (nd >= best) {
                    continue;
                }
                if (from < 0) {
                    best = nd;
                } else if (distStamp[from] != stamp || nd < dist[from]) {
                    distStamp[from] = stamp;
                    dist[from] = nd;
                    pushOrDecrease(from);
                }
            }
        }
        return best;
    }

    /** Lowers settled mentors' prices; their participants' u rise by as much, keeping their arcs tight. */
    private void moveDualsReverse(long step) {
        for (int s = 0; s < settledCount; s++) {
            int m = settled[s];
            if (dist[m] < step) {
                long delta = step - dist[m];
                price[m] -= delta;
                for (int h = holderStart[m], end = holderStart[m] + load[m]; h < end; h++) {
                    u[holders[h]] += delta;
                }
            }
        }
        for (int h = 0; h < heapSize; h++) {
            heapPos[heap[h]] = -1;
        }
        heapSize = 0;
    }

    private void repairAll() {
        depthCap = Integer.MAX_VALUE;
        boolean progress = true;
        while (progress) {
            pass++;
            progress = false;
            for (int j = 0; j < mentors; j++) {
                while (deficient(j) && visited[j] != pass && augmentIntoMentor(j, true)) {
                    augmentations++;
                    progress = true;
                }
            }
        }
    }

    // ---- augmentation along tight arcs ------------------------------------------------------------

    /**
     * Depth limits of successive augmentation passes: short paths first, so a search cannot wander thousands of
     * mentors deep while a short path exists; the unlimited last limit makes the augmentation exhaustive.
     */
    private static final int[] DEPTH_CAPS = {16, Integer.MAX_VALUE};

    private int depthCap;

    /** Augments until no tight path from a waiting participant to an open mentor is left. */
    private void augmentAll() {
        for (int cap : DEPTH_CAPS) {
            depthCap = cap;
            while (augmentPass() > 0) {
                // repeat; at the unlimited depth, a pass that finds nothing proves no tight path is left
            }
        }
    }

    /**
     * One pass of augmentations along tight paths, searched from the smaller side: waiting participants, or
     * "open" mentors (with room, or holding a participant with {@code u = 0} who may be released). A mentor a
     * failed search entered is not entered again in the pass.
     */
    private int augmentPass() {
        pass++;
        int waitingCount = 0;
        for (int i = 0; i < participants; i++) {
            if (waiting(i)) {
                waitingCount++;
            }
        }
        int openCount = 0;
        for (int j = 0; j < mentors; j++) {
            if (isOpen(j)) {
                openCount++;
            }
        }
        if (waitingCount == 0 || openCount == 0) {
            return 0;
        }
        int found = 0;
        if (waitingCount <= openCount) {
            for (int i = 0; i < participants; i++) {
                if (waiting(i) && augmentFromParticipant(i)) {
                    found++;
                }
            }
        } else {
            for (int j = 0; j < mentors; j++) {
                while (isOpen(j) && visited[j] != pass && augmentIntoMentor(j, false)) {
                    found++;
                }
            }
        }
        augmentations += found;
        return found;
    }

    private boolean isOpen(int j) {
        return hasRoom(j) || zeroHolder(j) >= 0;
    }

    /** Depth-first search from a waiting participant: participant -> tight mentor -> its holders -> ... */
    private boolean augmentFromParticipant(int source) {
        int depth = 0;
        pathParticipant[0] = source;
        pathCursor[0] = -1;
        pathMentor[0] = -1;
        while (depth >= 0) {
            int q = pathParticipant[depth];
            int k = pathMentor[depth];
            if (k >= 0) {
                int h = pathHolder[depth]++;
                if (h < load[k]) {
                    int next = holders[holderStart[k] + h];
                    depth++;
                    pathParticipant[depth] = next;
                    pathCursor[depth] = -1;
                    pathMentor[depth] = -1;
                    continue;
                }
                pathMentor[depth] = -1;
            }
            long uq = u[q];
            int end = start[q + 1];
            if (pathCursor[depth] < 0) {
                // look ahead: end here if any tight mentor can take q directly
                for (int a = start[q]; a < end; a++) {
                    int m = arcMentor[a];
                    if (visited[m] == pass || uq + price[m] != value(a) || m == mentorOf[q]) {
                        continue;
                    }
                    if (hasRoom(m)) {
                        pathArc[depth] = a;
                        shiftForward(depth, m, -1);
                        unmarkForward(depth);
                        return true;
                    }
                    int released = zeroHolder(m);
                    if (released >= 0) {
                        pathArc[depth] = a;
                        shiftForward(depth, m, released);
                        unmarkForward(depth);
                        return true;
                    }
                }
                pathCursor[depth] = start[q];
            }
            boolean deeper = false;
            for (int a = depth >= depthCap ? end : pathCursor[depth]; a < end; a++) {
                int m = arcMentor[a];
                if (visited[m] == pass || uq + price[m] != value(a) || m == mentorOf[q]) {
                    continue;
                }
                visited[m] = pass;
                pathArc[depth] = a;
                pathMentor[depth] = m;
                pathHolder[depth] = 0;
                pathCursor[depth] = a + 1;
                deeper = true;
                break;
            }
            if (!deeper) {
                depth--;
            }
        }
        return false;
    }

    /** A used path's mentors may carry further paths in the same pass, unlike a failed subtree's. */
    private void unmarkForward(int depth) {
        for (int t = 0; t < depth; t++) {
            visited[pathMentor[t]] = 0;
        }
    }

    /** Moves participants one mentor along a forward path; {@code released} leaves {@code last}, if given. */
    private void shiftForward(int depth, int last, int released) {
        for (int t = 0; t < depth; t++) {
            int m = pathMentor[t];
            replaceHolder(m, pathParticipant[t + 1], pathParticipant[t]);
            mentorOf[pathParticipant[t]] = m;
            matchedArc[pathParticipant[t]] = pathArc[t];
        }
        int q = pathParticipant[depth];
        if (released >= 0) {
            replaceHolder(last, released, q);
            mentorOf[released] = -1;
            matchedArc[released] = -1;
        } else {
            holders[holderStart[last] + load[last]] = q;
            load[last]++;
        }
        mentorOf[q] = last;
        matchedArc[q] = pathArc[depth];
    }

    /**
     * Depth-first search backwards from a mentor: mentor <- participant with a tight arc into it <- that
     * participant's mentor <- ... For an open mentor ({@code repair} false) the path ends at a waiting
     * participant. For a deficient mentor ({@code repair} true) it ends at any free participant, or at a
     * participant whose mentor has price 0 and may give it away.
     */
    private boolean augmentIntoMentor(int target, boolean repair) {
        int depth = 0;
        pathMentor[0] = target;
        pathCursor[0] = -1;
        visited[target] = pass;
        while (depth >= 0) {
            int m = pathMentor[depth];
            int end = columnStart[m + 1];
            if (pathCursor[depth] < 0) {
                // look ahead: end here if a participant that can end the path has a tight arc into m
                for (int c = columnStart[m]; c < end; c++) {
                    int a = columnArc[c];
                    int i = arcParticipant[a];
                    int from = mentorOf[i];
                    boolean ends = repair ? from < 0 || (from != m && price[from] == 0) : waiting(i);
                    if (ends && tight(a)) {
                        pathArc[depth] = a;
                        shiftBackward(depth);
                        for (int t = 0; t <= depth; t++) {
                            visited[pathMentor[t]] = 0; // used, not failed: may carry more paths
                        }
                        return true;
                    }
                }
                pathCursor[depth] = columnStart[m];
            }
            boolean deeper = false;
            for (int c = depth >= depthCap ? end : pathCursor[depth]; c < end; c++) {
                int a = columnArc[c];
                int i = arcParticipant[a];
                int from = mentorOf[i];
                if (from < 0 || from == m || visited[from] == pass || !tight(a)) {
                    continue;
                }
                visited[from] = pass;
                pathArc[depth] = a;
                pathCursor[depth] = c + 1;
                depth++;
                pathMentor[depth] = from;
                pathCursor[depth] = -1;
                deeper = true;
                break;
            }
            if (!deeper) {
                depth--;
            }
        }
        return false;
    }

    /**
     * Applies a backward path: the participant of {@code pathArc[t]} moves into {@code pathMentor[t]}, leaving
     * {@code pathMentor[t+1]}; the last one leaves its own mentor, if it has one. The target mentor takes one
     * more participant, or releases one with {@code u = 0}.
     */
    private void shiftBackward(int depth) {
        int last = arcParticipant[pathArc[depth]];
        int lastFrom = mentorOf[last];
        if (lastFrom >= 0) {
            removeHolder(lastFrom, last);
        }
        int target = pathMentor[0];
        int first = arcParticipant[pathArc[0]];
        if (hasRoom(target)) {
            holders[holderStart[target] + load[target]] = first;
            load[target]++;
        } else {
            int released = zeroHolder(target);
            replaceHolder(target, released, first);
            mentorOf[released] = -1;
            matchedArc[released] = -1;
        }
        for (int t = 0; t < depth; t++) {
            int next = arcParticipant[pathArc[t + 1]];
            replaceHolder(pathMentor[t + 1], arcParticipant[pathArc[t]], next);
        }
        for (int t = 0; t <= depth; t++) {
            int i = arcParticipant[pathArc[t]];
            mentorOf[i] = pathMentor[t];
            matchedArc[i] = pathArc[t];
        }
    }

    private void removeHolder(int m, int out) {
        int end = holderStart[m] + load[m] - 1;
        for (int h = holderStart[m]; h <= end; h++) {
            if (holders[h] == out) {
                holders[h] = holders[end];
                load[m]--;
                return;
            }
        }
        throw new IllegalStateException("participant " + out + " is not held by mentor " + m);
    }

    private int zeroHolder(int m) {
        for (int h = holderStart[m], end = holderStart[m] + load[m]; h < end; h++) {
            if (u[holders[h]] == 0) {
                return holders[h];
            }
        }
        return -1;
    }

    private void replaceHolder(int m, int out, int in) {
        for (int h = holderStart[m], end = holderStart[m] + load[m]; h < end; h++) {
            if (holders[h] == out) {
                holders[h] = in;
                return;
            }
        }
        throw new IllegalStateException("participant " + out + " is not held by mentor " + m);
    }

    // ---- results -----------------------------------------------------------------------------------

    /** Weight (without bonus) of a participant's matched arc. */
    int matchedWeight(int i) {
        return arcWeight[matchedArc[i]];
    }

    /** Places an unmatched participant with a mentor that has room (used to complete an interrupted run). */
    void place(int i, int arc) {
        int m = arcMentor[arc];
        holders[holderStart[m] + load[m]] = i;
        load[m]++;
        mentorOf[i] = m;
        matchedArc[i] = arc;
    }

    boolean hasRoomFor(int arc) {
        return hasRoom(arcMentor[arc]);
    }

    CandidateGraph graph() {
        return graph;
    }
}
