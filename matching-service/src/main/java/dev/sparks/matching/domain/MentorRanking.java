package dev.sparks.matching.domain;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Ranks all mentors for one participant and keeps the best few.
 *
 * <p>Order: highest ranking score first, then lowest mentor id (then position in the input, for
 * duplicate ids), so equal inputs always give the same shortlist. The ranking score is
 * {@code compatibility - policy.loadBalancing() * reserved / capacity}: a busy star mentor
 * yields to a free mentor who is nearly as good, spreading mentees without ignoring fit. The
 * penalty only reorders mentors that are already eligible: hard rules and the minimum score are
 * judged on the unpenalised compatibility, which is also the score reported.
 *
 * <p>One pass over the candidates with a bounded heap of the best {@code limit}: O(n log k) and
 * no allocation per mentor; breakdowns and explanations are built for the shortlist only.
 */
public final class MentorRanking {

    /** Enough to survive several lost capacity races without ranking again. */
    public static final int DEFAULT_SHORTLIST = 10;

    private final CompatibilityScorer scorer;

    public MentorRanking(CompatibilityScorer scorer) {
        this.scorer = Objects.requireNonNull(scorer, "scorer");
    }

    public MatchDecision decide(ParticipantProfile participant, List<MentorCandidate> candidates,
            MatchingPolicy policy, Set<UUID> declinedOrExpired) {
        return decide(participant, candidates, policy, declinedOrExpired, DEFAULT_SHORTLIST);
    }

    /**
     * @param declinedOrExpired mentors whose earlier match with this participant was declined or expired
     * @param limit the most mentors to return; {@code Integer.MAX_VALUE} orders every eligible mentor
     */
    public MatchDecision decide(ParticipantProfile participant, List<MentorCandidate> candidates,
            MatchingPolicy policy, Set<UUID> declinedOrExpired, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        CompatibilityScorer.ForParticipant scoring = scorer.prepare(participant, policy);
        Eligibility eligibility = Eligibility.of(participant, declinedOrExpired);
        int minimumTenths = policy.minimumScore() * 10;
        double loadBalancing = policy.loadBalancing();

        int[] violations = new int[HardRule.values().length];
        int belowMinimum = 0;
        int eligible = 0;
        Shortlist best = new Shortlist(Math.min(limit, Math.max(1, candidates.size())));
        int position = 0;
        for (MentorCandidate mentor : candidates) {
            int index = position++;
            HardRule violated = eligibility.firstViolatedOrNull(mentor);
            if (violated != null) {
                violations[violated.ordinal()]++;
                continue;
            }
            int tenths = scoring.totalTenths(mentor);
            if (tenths < minimumTenths) {
                belowMinimum++;
                continue;
            }
            eligible++;
            best.offer(mentor, index, rankingScore(tenths / 10.0, mentor, loadBalancing));
        }

        List<RankedMentor> shortlist = new ArrayList<>(best.size());
        for (int slot : best.bestFirst()) {
            MentorCandidate mentor = best.mentor(slot);
            ScoreBreakdown breakdown = scoring.breakdown(mentor);
            shortlist.add(new RankedMentor(mentor, breakdown, best.score(slot), Explanation.of(breakdown)));
        }
        Optional<NoMatchReason> noMatch = Optional.empty();
        if (shortlist.isEmpty()) {
            Map<HardRule, Integer> counts = new EnumMap<>(HardRule.class);
            for (HardRule rule : HardRule.values()) {
                counts.put(rule, violations[rule.ordinal()]);
            }
            noMatch = Optional.of(new NoMatchReason(candidates.size(), counts, belowMinimum, policy.minimumScore()));
        }
        return new MatchDecision(shortlist, candidates.size(), eligible, noMatch);
    }

    /** Compatibility minus the load-balancing penalty; orders eligible mentors, nothing else. */
    public static double rankingScore(double compatibility, MentorCandidate mentor, MatchingPolicy policy) {
        return rankingScore(compatibility, mentor, policy.loadBalancing());
    }

    private static double rankingScore(double compatibility, MentorCandidate mentor, double loadBalancing) {
        return compatibility - loadBalancing * mentor.utilisation();
    }

    /** Whether a should come before b. */
    static boolean ranksBefore(double scoreA, UUID idA, int indexA, double scoreB, UUID idB, int indexB) {
        int byScore = Double.compare(scoreA, scoreB);
        if (byScore != 0) {
            return byScore > 0;
        }
        int byId = idA.compareTo(idB);
        if (byId != 0) {
            return byId < 0;
        }
        return indexA < indexB;
    }

    /**
     * The best {@code capacity} mentors seen so far: a binary min-heap whose root is the weakest
     * kept, so a new mentor costs one comparison unless it beats that root.
     */
    private static final class Shortlist {

        private final MentorCandidate[] mentors;
        private final int[] indexes;
        private final double[] scores;
        private int size;

        Shortlist(int capacity) {
            mentors = new MentorCandidate[capacity];
            indexes = new int[capacity];
            scores = new double[capacity];
        }

        int size() {
            return size;
        }

        MentorCandidate mentor(int slot) {
            return mentors[slot];
        }

        double score(int slot) {
            return scores[slot];
        }

        void offer(MentorCandidate mentor, int index, double score) {
            if (size < mentors.length) {
                set(size, mentor, index, score);
                siftUp(size++);
            } else if (ranksBefore(score, mentor.mentorId(), index, scores[0], mentors[0].mentorId(), indexes[0])) {
                set(0, mentor, index, score);
                siftDown(0);
            }
        }

        /** Slots ordered best first. */
        Integer[] bestFirst() {
            Integer[] slots = new Integer[size];
            for (int i = 0; i < size; i++) {
                slots[i] = i;
            }
            Arrays.sort(slots, (a, b) -> before(a, b) ? -1 : before(b, a) ? 1 : 0);
            return slots;
        }

        private boolean before(int a, int b) {
            return ranksBefore(scores[a], mentors[a].mentorId(), indexes[a], scores[b], mentors[b].mentorId(), indexes[b]);
        }

        private void siftUp(int slot) {
            while (slot > 0) {
                int parent = (slot - 1) >>> 1;
                if (!before(parent, slot)) {
                    return;
                }
                swap(slot, parent);
                slot = parent;
            }
        }

        private void siftDown(int slot) {
            while (true) {
                int weakest = slot;
                int left = 2 * slot + 1;
                int right = left + 1;
                if (left < size && before(weakest, left)) {
                    weakest = left;
                }
                if (right < size && before(weakest, right)) {
                    weakest = right;
                }
                if (weakest == slot) {
                    return;
                }
                swap(slot, weakest);
                slot = weakest;
            }
        }

        private void set(int slot, MentorCandidate mentor, int index, double score) {
            mentors[slot] = mentor;
            indexes[slot] = index;
            scores[slot] = score;
        }

        private void swap(int a, int b) {
            MentorCandidate mentor = mentors[a];
            int index = indexes[a];
            double score = scores[a];
            set(a, mentors[b], indexes[b], scores[b]);
            set(b, mentor, index, score);
        }
    }
}
