package dev.sparks.matching.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class MentorRankingPropertiesTest {

    private final CompatibilityScorer scorer = MatchingFixtures.scorer();
    private final MentorRanking ranking = new MentorRanking(scorer);

    @Provide
    Arbitrary<ParticipantProfile> participants() {
        return MatchingArbitraries.participants();
    }

    @Provide
    Arbitrary<List<MentorCandidate>> pools() {
        return MatchingArbitraries.mentorPools();
    }

    @Provide
    Arbitrary<MatchingPolicy> policies() {
        return MatchingArbitraries.policies();
    }

    /** Every n-th mentor of the pool had a declined or expired match (none when n is 0). */
    private static Set<UUID> declined(List<MentorCandidate> pool, int everyNth) {
        Set<UUID> declined = new HashSet<>();
        for (int i = 0; everyNth > 0 && i < pool.size(); i += everyNth) {
            declined.add(pool.get(i).mentorId());
        }
        return declined;
    }

    private static List<UUID> ids(MatchDecision decision) {
        return decision.shortlist().stream().map(ranked -> ranked.mentor().mentorId()).toList();
    }

    @Property(tries = 500)
    void aMentorBreakingAHardRuleIsNeverReturned(@ForAll("participants") ParticipantProfile participant,
            @ForAll("pools") List<MentorCandidate> pool, @ForAll("policies") MatchingPolicy policy,
            @ForAll @IntRange(min = 0, max = 4) int declineEvery) {
        Set<UUID> declined = declined(pool, declineEvery);
        Eligibility eligibility = Eligibility.of(participant, declined);

        MatchDecision decision = ranking.decide(participant, pool, policy, declined, Integer.MAX_VALUE);

        int expectedEligible = 0;
        for (MentorCandidate mentor : pool) {
            boolean ok = eligibility.isEligible(mentor)
                    && scorer.score(participant, mentor, policy).total() >= policy.minimumScore();
            expectedEligible += ok ? 1 : 0;
        }
        for (RankedMentor ranked : decision.shortlist()) {
            assertTrue(eligibility.firstViolated(ranked.mentor()).isEmpty(), () -> "ineligible " + ranked);
            assertTrue(!declined.contains(ranked.mentor().mentorId()));
            assertTrue(ranked.compatibility() >= policy.minimumScore());
        }
        assertEquals(expectedEligible, decision.shortlist().size());
        assertEquals(expectedEligible, decision.eligible());
        assertEquals(decision.shortlist().isEmpty(), decision.noMatchReason().isPresent());
        decision.noMatchReason().ifPresent(reason -> {
            int counted = reason.belowMinimumScore();
            for (HardRule rule : HardRule.values()) {
                counted += reason.count(rule);
            }
            assertEquals(pool.size(), counted, "every mentor is accounted for");
        });
    }

    @Property(tries = 500)
    void theRankingIsSortedAndDeterministic(@ForAll("participants") ParticipantProfile participant,
            @ForAll("pools") List<MentorCandidate> pool, @ForAll("policies") MatchingPolicy policy,
            @ForAll @IntRange(min = 1, max = 12) int limit) {
        MatchDecision all = ranking.decide(participant, pool, policy, Set.of(), Integer.MAX_VALUE);
        List<MentorCandidate> reversed = new ArrayList<>(pool);
        Collections.reverse(reversed);

        List<RankedMentor> list = all.shortlist();
        for (int i = 1; i < list.size(); i++) {
            RankedMentor before = list.get(i - 1);
            RankedMentor after = list.get(i);
            assertTrue(before.rankingScore() > after.rankingScore()
                    || (before.rankingScore() == after.rankingScore()
                            && before.mentor().mentorId().compareTo(after.mentor().mentorId()) < 0),
                    () -> "out of order: " + before + " before " + after);
        }
        assertEquals(ids(all), ids(ranking.decide(participant, reversed, policy, Set.of(), Integer.MAX_VALUE)));
        List<UUID> top = ids(ranking.decide(participant, pool, policy, Set.of(), limit));
        assertEquals(ids(all).subList(0, Math.min(limit, list.size())), top, "top k is a prefix of the full order");
    }

    @Property(tries = 500)
    void loadBalancingNeverChangesEligibilityOrReportedScores(@ForAll("participants") ParticipantProfile participant,
            @ForAll("pools") List<MentorCandidate> pool, @ForAll("policies") MatchingPolicy policy,
            @ForAll @IntRange(min = 0, max = 4) int declineEvery) {
        Set<UUID> declined = declined(pool, declineEvery);

        MatchDecision none = ranking.decide(participant, pool,
                MatchingArbitraries.withLoadBalancing(policy, 0), declined, Integer.MAX_VALUE);
        MatchDecision full = ranking.decide(participant, pool,
                MatchingArbitraries.withLoadBalancing(policy, 100), declined, Integer.MAX_VALUE);

        assertEquals(compatibilityById(none), compatibilityById(full));
        assertEquals(none.eligible(), full.eligible());
        assertEquals(none.noMatchReason(), full.noMatchReason());
        for (RankedMentor ranked : none.shortlist()) {
            assertEquals(ranked.compatibility(), ranked.rankingScore(), 1e-9);
        }
    }

    private static Map<UUID, Double> compatibilityById(MatchDecision decision) {
        Map<UUID, Double> scores = new HashMap<>();
        decision.shortlist().forEach(ranked -> scores.put(ranked.mentor().mentorId(), ranked.compatibility()));
        return scores;
    }
}
