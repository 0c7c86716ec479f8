package dev.sparks.matching.domain;

import static dev.sparks.matching.domain.MatchingFixtures.id;
import static dev.sparks.matching.domain.MatchingFixtures.mentor;
import static dev.sparks.matching.domain.MatchingFixtures.participant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.Trait;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MentorRankingTest {

    private final CompatibilityScorer scorer = MatchingFixtures.scorer();
    private final MentorRanking ranking = new MentorRanking(scorer);
    private final MatchingPolicy policy = MatchingPolicy.defaults();

    private static List<UUID> ids(MatchDecision decision) {
        return decision.shortlist().stream().map(ranked -> ranked.mentor().mentorId()).toList();
    }

    @Test
    void ordersByScoreThenByMentorId() {
        MentorCandidate strong = mentor(5).strengths(Strengths.uniform(5)).build();
        MentorCandidate twinB = mentor(3).strengths(Strengths.uniform(4)).build();
        MentorCandidate twinA = mentor(2).strengths(Strengths.uniform(4)).build();
        MentorCandidate weak = mentor(1).strengths(Strengths.uniform(3)).build();

        MatchDecision decision = ranking.decide(participant(), List.of(weak, twinB, strong, twinA), policy, Set.of());

        assertEquals(List.of(id(5), id(2), id(3), id(1)), ids(decision));
        assertEquals(4, decision.candidates());
        assertEquals(4, decision.eligible());
        assertTrue(decision.matched());
        assertEquals(id(5), decision.best().orElseThrow().mentor().mentorId());
        assertTrue(decision.noMatchReason().isEmpty());
    }

    @Test
    void keepsOnlyTheLimitButCountsEveryEligibleMentor() {
        List<MentorCandidate> mentors = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            mentors.add(mentor(n).offers(Goal.values()).strength(Trait.APPROACH_TO_CHANGE_LEADERSHIP, 1 + n % 5).build());
        }

        MatchDecision top3 = ranking.decide(participant(), mentors, policy, Set.of(), 3);
        MatchDecision all = ranking.decide(participant(), mentors, policy, Set.of(), Integer.MAX_VALUE);

        assertEquals(3, top3.shortlist().size());
        assertEquals(30, top3.eligible());
        assertEquals(30, all.shortlist().size());
        assertEquals(ids(all).subList(0, 3), ids(top3));
        assertEquals(List.of(id(4), id(9), id(14)), ids(top3));
    }

    @Test
    void loadBalancingLetsAFreeMentorOvertakeABusyStarButReportsTheRealScore() {
        // Star: 10 points more growth fit but 2 of 3 places taken: penalty 10 x 2/3 = 6.67
        MentorCandidate star = mentor(1).strength(Trait.APPROACH_TO_CHANGE_LEADERSHIP, 5)
                .strength(Trait.SPEAK_UP, 4).capacity(3).reserved(2).build();
        MentorCandidate free = mentor(2).strength(Trait.APPROACH_TO_CHANGE_LEADERSHIP, 5)
                .strength(Trait.SPEAK_UP, 2).build();

        MatchDecision decision = ranking.decide(participant(), List.of(star, free), policy, Set.of());

        // star: 30 + 15 + 6 + 6 + 3 = 60; free: 30 + 5 + 15 = 50 (+ penalty 0)
        assertEquals(List.of(id(1), id(2)), ids(decision));
        RankedMentor first = decision.shortlist().get(0);
        assertEquals(60.0, first.compatibility());
        assertEquals(60.0 - 10.0 * 2 / 3, first.rankingScore(), 1e-9);

        MatchingPolicy strongBalancing = new MatchingPolicy(2, 60, 25, 15, 40, 40, 20, 20, 40);
        MatchDecision balanced = ranking.decide(participant(), List.of(star, free), strongBalancing, Set.of());
        // penalty 20 x 2/3 = 13.3 > 10 points lead
        assertEquals(List.of(id(2), id(1)), ids(balanced));
        assertEquals(60.0, balanced.shortlist().get(1).compatibility());
    }

    @Test
    void theMinimumScoreIsJudgedOnTheUnpenalisedScore() {
        // 40 exactly: 0 growth + 25 goals + 15 practical; half full, so ranking score 35
        MentorCandidate borderline = mentor(1).offers(Goal.values()).capacity(2).reserved(1).build();
        MentorCandidate below = mentor(2).offers(Goal.CAREER_ADVICE).build();

        MatchDecision decision = ranking.decide(participant(), List.of(borderline, below), policy, Set.of());

        assertEquals(List.of(id(1)), ids(decision));
        assertEquals(40.0, decision.shortlist().get(0).compatibility());
        assertEquals(35.0, decision.shortlist().get(0).rankingScore(), 1e-9);
    }

    @Test
    void explainsWhyNobodyWasEligible() {
        List<MentorCandidate> mentors = List.of(
                mentor(1).languages("fr").build(),
                mentor(2).languages("es").capacity(1).reserved(1).build(),
                mentor(3).capacity(1).reserved(1).build(),
                mentor(4).capacity(2).reserved(2).build(),
                mentor(5).accepting(false).build(),
                mentor(6).build(),
                mentor(7).excludes("pat@example.org").build(),
                mentor(8).field(Field.BUSINESS).timeZone("Asia/Tokyo").build());

        MatchDecision decision = ranking.decide(participant(), mentors, policy, Set.of(id(6)));

        assertFalse(decision.matched());
        assertEquals(0, decision.eligible());
        NoMatchReason reason = decision.noMatchReason().orElseThrow();
        assertEquals(2, reason.count(HardRule.NO_COMMON_LANGUAGE));
        assertEquals(2, reason.count(HardRule.NO_FREE_CAPACITY));
        assertEquals(1, reason.belowMinimumScore());
        assertEquals("None of the 8 mentors fits yet: 2 share no language, 1 is not taking new mentees, "
                + "2 are at capacity, 1 is not available for this participant, "
                + "1 had an earlier match declined or expired, 1 fits below the minimum score of 40.",
                reason.summary());
    }

    @Test
    void anEmptyPoolIsNoMatch() {
        MatchDecision decision = ranking.decide(participant(), List.of(), policy, Set.of());
        assertEquals("No mentors are available for matching yet.", decision.noMatchReason().orElseThrow().summary());
    }

    @Test
    void theShortlistCarriesExplanations() {
        MatchDecision decision = ranking.decide(participant(),
                List.of(mentor(1).strengths(Strengths.uniform(5)).build()), policy, Set.of());

        assertEquals("A role model in driving change and challenging the status quo, your top growth area.",
                decision.shortlist().get(0).explanation().sentences().get(0));
    }

    @Test
    void rejectsANonPositiveLimit() {
        assertThrows(IllegalArgumentException.class,
                () -> ranking.decide(participant(), List.of(), policy, Set.of(), 0));
    }

    /** Correctness of the bounded heap against the obvious full sort; no timing here. */
    @Test
    void twentyThousandMentorsGiveTheSameTopAsANaiveFullSort() {
        Random random = new Random(20_000);
        List<MentorCandidate> mentors = new ArrayList<>();
        String[] languages = {"en", "de", "fr", "es", "pt", "it"};
        String[] zones = {"Europe/Berlin", "Europe/London", "America/New_York", "Asia/Kolkata", "Asia/Tokyo",
            "America/Sao_Paulo", "Australia/Sydney", "UTC"};
        Trait[] traits = Trait.values();
        Goal[] goals = Goal.values();
        for (int n = 0; n < 20_000; n++) {
            Map<Trait, Integer> strengths = new HashMap<>();
            for (Trait trait : traits) {
                strengths.put(trait, 1 + random.nextInt(5));
            }
            Set<Goal> offerings = EnumSet.noneOf(Goal.class);
            for (Goal goal : goals) {
                if (random.nextBoolean()) {
                    offerings.add(goal);
                }
            }
            int capacity = 1 + random.nextInt(5);
            mentors.add(new MentorCandidate(new UUID(random.nextLong(), random.nextLong()), "M" + n,
                    "m" + n + "@example.org", Field.values()[random.nextInt(Field.values().length)],
                    List.of(languages[random.nextInt(languages.length)], languages[random.nextInt(3)]),
                    zones[random.nextInt(zones.length)], Strengths.of(strengths), offerings, capacity,
                    random.nextInt(capacity + 1), random.nextInt(10) > 0,
                    random.nextInt(50) == 0 ? Set.of("P-1") : Set.of()));
        }
        Set<UUID> declined = new HashSet<>();
        for (int n = 0; n < 20_000; n += 97) {
            declined.add(mentors.get(n).mentorId());
        }

        MatchDecision decision = ranking.decide(participant(), mentors, policy, declined);

        record Scored(MentorCandidate mentor, double rankingScore) {
        }
        Eligibility eligibility = Eligibility.of(participant(), declined);
        List<Scored> naive = new ArrayList<>();
        for (MentorCandidate mentor : mentors) {
            double compatibility = scorer.score(participant(), mentor, policy).total();
            if (eligibility.isEligible(mentor) && compatibility >= policy.minimumScore()) {
                naive.add(new Scored(mentor, MentorRanking.rankingScore(compatibility, mentor, policy)));
            }
        }
        naive.sort(Comparator.comparingDouble(Scored::rankingScore).reversed()
                .thenComparing(scored -> scored.mentor().mentorId()));

        assertEquals(naive.size(), decision.eligible());
        assertEquals(naive.get(0).mentor().mentorId(), decision.best().orElseThrow().mentor().mentorId());
        assertEquals(naive.subList(0, MentorRanking.DEFAULT_SHORTLIST).stream().map(s -> s.mentor().mentorId()).toList(),
                ids(decision));
    }
}
