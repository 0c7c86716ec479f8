package dev.sparks.matching.cohort;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Passes over every pair of a full-graph instance, in parallel over participants.
 *
 * <ul>
 *   <li>{@link #shortlist}: each participant's best pairs, the first candidate graph;</li>
 *   <li>{@link #price}: with mentor prices from the exact search, each participant's best value over
 *       all pairs, which gives a dual bound valid for the full graph, and the left-out pairs that
 *       violate dual feasibility (column generation: only they could improve the result).</li>
 * </ul>
 */
final class FullGraphPricing {

    private static final int BLOCK = 64;
    private static final int MENTOR_BITS = 21;
    private static final long MENTOR_MASK = (1L << MENTOR_BITS) - 1;

    private FullGraphPricing() {
    }

    /**
     * Up to {@code k} heaviest pairs with weight >= {@code minimumWeight} per participant. Among equal weights
     * the first ones in a per-participant rotation of the mentors win, so ties do not all favour low indexes.
     */
    static CandidateGraph shortlist(CohortInstance instance, int minimumWeight, int k, int threads) {
        int p = instance.participantCount();
        int m = instance.mentorCount();
        checkMentorCount(m);
        int width = Math.min(k, m);
        int[] count = new int[p];
        int[] chosenMentor = new int[Math.toIntExact((long) p * width)];
        int[] chosenWeight = new int[chosenMentor.length];
        int floor = Math.max(0, minimumWeight);
        int maxWeight = instance.maxWeight();
        forEachBlock(p, threads, () -> {
            short[] row = new short[m];
            long[] heap = new long[Math.max(1, width)];
            return i -> {
                instance.fillRow(i, row);
                int rotation = m == 0 ? 0 : (int) ((i * 0x9E3779B97F4A7C15L >>> 1) % m);
                int size = 0;
                int weakest = Integer.MAX_VALUE;
                for (int step = 0; step < m; step++) {
                    int j = step + rotation;
                    if (j >= m) {
                        j -= m;
                    }
                    int w = row[j];
                    if (w < floor) {
                        continue;
                    }
                    if (w > maxWeight) {
                        throw new IllegalStateException("participant " + i + ", mentor " + j + ": weight " + w
                                + " above the instance's declared maximum " + maxWeight);
                    }
                    if (size < width) {
                        siftUp(heap, size++, ((long) w << MENTOR_BITS) | j);
                        weakest = (int) (heap[0] >>> MENTOR_BITS);
                    } else if (w > weakest) {
                        siftDown(heap, size, ((long) w << MENTOR_BITS) | j);
                        weakest = (int) (heap[0] >>> MENTOR_BITS);
                    }
                }
                int base = i * width;
                for (int e = 0; e < size; e++) {
                    chosenMentor[base + e] = (int) (heap[e] & MENTOR_MASK);
                    chosenWeight[base + e] = (int) (heap[e] >>> MENTOR_BITS);
                }
                count[i] = size;
            };
        });
        int[] start = new int[p + 1];
        for (int i = 0; i < p; i++) {
            start[i + 1] = start[i] + count[i];
        }
        int[] mentor = new int[start[p]];
        int[] weight = new int[start[p]];
        for (int i = 0; i < p; i++) {
            System.arraycopy(chosenMentor, i * width, mentor, start[i], count[i]);
            System.arraycopy(chosenWeight, i * width, weight, start[i], count[i]);
        }
        return new CandidateGraph(p, start, mentor, weight);
    }

    /** The result of a pricing pass. */
    record Pricing(long sumBestValue, CandidateGraph.ArcList violating) {
    }

    /**
     * @param u       participant duals from the search; a pair with {@code value - price > u[i]} violates them
     * @param perRow  at most this many violating pairs kept per participant (the most violating)
     */
    static Pricing price(CohortInstance instance, int minimumWeight, long bonus, long[] price, long[] u,
                         int perRow, int threads) {
        int p = instance.participantCount();
        int m = instance.mentorCount();
        checkMentorCount(m);
        int floor = Math.max(0, minimumWeight);
        List<CandidateGraph.ArcList> found = new ArrayList<>();
        long[] sums = new long[Math.max(1, threads) * 8];
        AtomicInteger slot = new AtomicInteger();
        forEachBlock(p, threads, () -> {
            short[] row = new short[m];
            long[] heap = new long[Math.max(1, perRow)];
            CandidateGraph.ArcList mine = new CandidateGraph.ArcList();
            int mySlot = slot.getAndIncrement() * 8;
            synchronized (found) {
                found.add(mine);
            }
            return i -> {
                instance.fillRow(i, row);
                long bestValue = 0;
                long ui = u[i];
                int violations = 0;
                for (int j = 0; j < m; j++) {
                    int w = row[j];
                    if (w < floor) {
                        continue;
                    }
                    long v = w + bonus - price[j];
                    if (v > bestValue) {
                        bestValue = v;
                    }
                    if (v > ui) {
                        violations++;
                    }
                }
                sums[mySlot] += bestValue;
                if (violations == 0 || perRow == 0) {
                    return;
                }
                int size = 0;
                for (int j = 0; j < m; j++) {
                    int w = row[j];
                    if (w < floor) {
                        continue;
                    }
                    long excess = w + bonus - price[j] - ui;
                    if (excess <= 0) {
                        continue;
                    }
                    long key = (excess << MENTOR_BITS) | j;
                    if (size < perRow) {
                        siftUp(heap, size++, key);
                    } else if (key > heap[0]) {
                        siftDown(heap, size, key);
                    }
                }
                for (int e = 0; e < size; e++) {
                    int j = (int) (heap[e] & MENTOR_MASK);
                    mine.add(i, j, row[j]);
                }
            };
        });
        long total = 0;
        for (int t = 0; t < sums.length; t += 8) {
            total += sums[t];
        }
        CandidateGraph.ArcList all = new CandidateGraph.ArcList();
        for (CandidateGraph.ArcList list : found) {
            all.addAll(list);
        }
        return new Pricing(total, all);
    }

    private static void checkMentorCount(int m) {
        if (m >= (1 << MENTOR_BITS)) {
            throw new IllegalArgumentException("a full-graph instance supports fewer than 2^21 mentors: " + m);
        }
    }

    // ---- a fixed-size min-heap of longs -------------------------------------------------------------

    private static void siftUp(long[] heap, int pos, long key) {
        while (pos > 0) {
            int parent = (pos - 1) >>> 1;
            if (heap[parent] <= key) {
                break;
            }
            heap[pos] = heap[parent];
            pos = parent;
        }
        heap[pos] = key;
    }

    /** Replaces the minimum with {@code key}. */
    private static void siftDown(long[] heap, int size, long key) {
        int pos = 0;
        while (true) {
            int child = 2 * pos + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && heap[child + 1] < heap[child]) {
                child++;
            }
            if (heap[child] >= key) {
                break;
            }
            heap[pos] = heap[child];
            pos = child;
        }
        heap[pos] = key;
    }

    // ---- parallel loop over participants ------------------------------------------------------------

    interface RowTask {
        void accept(int participant);
    }

    interface RowTaskFactory {
        RowTask create();
    }

    static void forEachBlock(int participants, int threads, RowTaskFactory factory) {
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            RowTask task = factory.create();
            int from;
            while ((from = next.getAndAdd(BLOCK)) < participants) {
                int to = Math.min(participants, from + BLOCK);
                for (int i = from; i < to; i++) {
                    task.accept(i);
                }
            }
        };
        int n = Math.max(1, Math.min(threads, (participants + BLOCK - 1) / BLOCK));
        if (n == 1) {
            worker.run();
            return;
        }
        Thread[] pool = new Thread[n - 1];
        Throwable[] failure = new Throwable[1];
        for (int t = 0; t < pool.length; t++) {
            pool[t] = new Thread(worker, "cohort-pricing-" + t);
            pool[t].setUncaughtExceptionHandler((th, e) -> {
                synchronized (failure) {
                    failure[0] = e;
                }
            });
            pool[t].start();
        }
        worker.run();
        for (Thread t : pool) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while pricing", e);
            }
        }
        synchronized (failure) {
            if (failure[0] != null) {
                throw new IllegalStateException("pricing pass failed", failure[0]);
            }
        }
    }
}
