package dev.sparks.matching.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparks.common.model.Goal;
import dev.sparks.common.model.Trait;
import java.util.EnumSet;
import java.util.List;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class CompatibilityScorerPropertiesTest {

    private final CompatibilityScorer scorer = MatchingFixtures.scorer();

    @Provide
    Arbitrary<ParticipantProfile> participants() {
        return MatchingArbitraries.participants();
    }

    @Provide
    Arbitrary<MentorCandidate> mentors() {
        return MatchingArbitraries.mentors();
    }

    @Provide
    Arbitrary<MatchingPolicy> policies() {
        return MatchingArbitraries.policies();
    }

    @Property
    void scoreIsAlwaysWithinZeroToOneHundred(@ForAll("participants") ParticipantProfile participant,
            @ForAll("mentors") MentorCandidate mentor, @ForAll("policies") MatchingPolicy policy) {
        ScoreBreakdown breakdown = scorer.score(participant, mentor, policy);

        assertTrue(breakdown.total() >= 0 && breakdown.total() <= 100, () -> "total " + breakdown.total());
        assertEquals(breakdown.total(), Math.round(breakdown.total() * 10) / 10.0, "one decimal");
        double parts = breakdown.growthFit() + breakdown.goalCoverage() + breakdown.practicalFit();
        assertEquals(breakdown.total(), Math.min(100, parts), 1e-9, "the parts shown add up to the total");
    }

    @Property
    void moreStrengthInTheTopGrowthAreaNeverLowersTheScore(@ForAll("participants") ParticipantProfile participant,
            @ForAll("mentors") MentorCandidate mentor, @ForAll("policies") MatchingPolicy policy,
            @ForAll @IntRange(min = 1, max = 4) int level) {
        Trait top = participant.growthAreas().get(0).trait();
        MentorCandidate weaker = MatchingArbitraries.withStrengths(mentor, mentor.strengths().with(top, level));
        MentorCandidate stronger = MatchingArbitraries.withStrengths(mentor, mentor.strengths().with(top, level + 1));

        assertTrue(scorer.score(participant, stronger, policy).total()
                >= scorer.score(participant, weaker, policy).total());
    }

    @Property
    void offeringAWantedGoalNeverLowersTheScore(@ForAll("participants") ParticipantProfile participant,
            @ForAll("mentors") MentorCandidate mentor, @ForAll("policies") MatchingPolicy policy,
            @ForAll @IntRange(min = 0, max = 3) int pick) {
        List<Goal> wanted = participant.goals();
        Assume.that(!wanted.isEmpty());
        Goal goal = wanted.get(pick % wanted.size());
        EnumSet<Goal> without = EnumSet.noneOf(Goal.class);
        without.addAll(mentor.offerings());
        without.remove(goal);
        EnumSet<Goal> with = EnumSet.copyOf(without);
        with.add(goal);

        assertTrue(scorer.score(participant, MatchingArbitraries.withOfferings(mentor, with), policy).total()
                >= scorer.score(participant, MatchingArbitraries.withOfferings(mentor, without), policy).total());
    }

    @Property
    void theHotPathAndTheBreakdownAgree(@ForAll("participants") ParticipantProfile participant,
            @ForAll("mentors") MentorCandidate mentor, @ForAll("policies") MatchingPolicy policy) {
        CompatibilityScorer.ForParticipant prepared = scorer.prepare(participant, policy);

        assertEquals(prepared.breakdown(mentor).total(), prepared.total(mentor));
    }

    @Property
    void explanationsAreShortCompleteAndDeterministic(@ForAll("participants") ParticipantProfile participant,
            @ForAll("mentors") MentorCandidate mentor, @ForAll("policies") MatchingPolicy policy) {
        Explanation explanation = Explanation.of(scorer.score(participant, mentor, policy));

        assertTrue(explanation.sentences().size() <= Explanation.MAX_SENTENCES);
        for (String sentence : explanation.sentences()) {
            assertNotNull(sentence);
            assertFalse(sentence.isBlank());
            assertFalse(sentence.contains("null"), sentence);
            assertTrue(sentence.endsWith("."), sentence);
        }
        assertEquals(explanation, Explanation.of(scorer.score(participant, mentor, policy)));
    }
}
