package dev.sparks.matching.domain;

import static dev.sparks.matching.domain.MatchingFixtures.growthAreas;
import static dev.sparks.matching.domain.MatchingFixtures.mentor;
import static dev.sparks.matching.domain.MatchingFixtures.participant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.Trait;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/** Expected numbers are worked out by hand with the default policy: 60 / 25 / 15 (6 + 6 + 3). */
class CompatibilityScorerTest {

    private final CompatibilityScorer scorer = MatchingFixtures.scorer();
    private final MatchingPolicy policy = MatchingPolicy.defaults();

    @Test
    void scoresEveryPartAsDocumented() {
        MentorCandidate mentor = mentor(1)
                .strength(Trait.APPROACH_TO_CHANGE_LEADERSHIP, 5)
                .strength(Trait.SPEAK_UP, 3)
                .offers(Goal.NETWORKING)
                .languages("de")
                .timeZone("Europe/London")
                .build();

        ScoreBreakdown breakdown = scorer.score(participant(), mentor, policy);

        // Growth: rank weights 3,2,1 / 6; 60 x (3/6 x 4/4 + 2/6 x 2/4 + 1/6 x 0) = 40
        assertEquals(40.0, breakdown.growthFit());
        // Goals: weights 2/3, 1/3; only the second goal is offered: 25 / 3 = 8.33
        assertEquals(8.3, breakdown.goalCoverage());
        // German is shared but is the second preference: half of 6
        assertEquals(3.0, breakdown.language());
        // Berlin UTC+1 vs London UTC+0: 1 hour, 6 x (1 - 1/8) = 5.25
        assertEquals(5.3, breakdown.timeZone());
        assertEquals(3.0, breakdown.field());
        // 40 + 8.333 + 3 + 5.25 + 3 = 59.583
        assertEquals(59.6, breakdown.total());
        assertEquals(11.3, breakdown.practicalFit());

        assertEquals(List.of(
                new ScoreBreakdown.GrowthAreaFit(1, Trait.APPROACH_TO_CHANGE_LEADERSHIP, 5, 30.0),
                new ScoreBreakdown.GrowthAreaFit(2, Trait.SPEAK_UP, 3, 10.0),
                new ScoreBreakdown.GrowthAreaFit(3, Trait.TAKE_SMART_RISKS, 1, 0.0)), breakdown.growthAreas());
        assertEquals(List.of(
                new ScoreBreakdown.GoalFit(1, Goal.CAREER_ADVICE, false, 0.0),
                new ScoreBreakdown.GoalFit(2, Goal.NETWORKING, true, 8.3)), breakdown.goals());
        assertEquals(Optional.of("de"), breakdown.sharedLanguage());
        assertEquals(false, breakdown.firstLanguageShared());
        assertEquals(OptionalInt.of(60), breakdown.minutesApart());
        assertEquals(Optional.of(Field.TECHNOLOGY), breakdown.sharedField());
    }

    @Test
    void aPerfectMentorScoresOneHundred() {
        MentorCandidate mentor = mentor(1).strengths(Strengths.uniform(5))
                .offers(Goal.values()).languages("en").build();

        assertEquals(100.0, scorer.score(participant(), mentor, policy).total());
    }

    @Test
    void aMentorWithNothingButASecondLanguageScoresThree() {
        // 9 hours apart (Berlin UTC+1, Los Angeles UTC-8) gives no time-zone points
        MentorCandidate mentor = mentor(1).languages("de").timeZone("America/Los_Angeles")
                .field(Field.BUSINESS).build();

        ScoreBreakdown breakdown = scorer.score(participant(), mentor, policy);

        assertEquals(0.0, breakdown.timeZone());
        assertEquals(3.0, breakdown.total());
    }

    @Test
    void topGrowthAreaOfFiveCountsFiveFifteenths() {
        ParticipantProfile participant = new ParticipantProfile(MatchingFixtures.PARTICIPANT_ID, "P-1", null,
                growthAreas(Trait.SPEAK_UP, Trait.TAKE_INITIATIVE, Trait.STAY_COMPOSED, Trait.SUPPORT_OTHERS,
                        Trait.MODEL_LEADERSHIP),
                List.of(), Field.TECHNOLOGY, List.of("en"), "Europe/Berlin");

        assertEquals(20.0, scorer.score(participant, mentor(1).strength(Trait.SPEAK_UP, 5).build(), policy).growthFit());
        assertEquals(16.0,
                scorer.score(participant, mentor(1).strength(Trait.TAKE_INITIATIVE, 5).build(), policy).growthFit());
        assertEquals(4.0,
                scorer.score(participant, mentor(1).strength(Trait.MODEL_LEADERSHIP, 5).build(), policy).growthFit());
    }

    @Test
    void halfHoursCountAndFarZonesGetNothing() {
        // Berlin UTC+1 vs Kolkata UTC+5:30: 4.5 hours, 6 x (1 - 4.5/8) = 2.625
        MentorCandidate mentor = mentor(1).strengths(Strengths.uniform(3)).timeZone("Asia/Kolkata").build();

        ScoreBreakdown breakdown = scorer.score(participant(), mentor, policy);

        assertEquals(2.6, breakdown.timeZone());
        assertEquals(OptionalInt.of(270), breakdown.minutesApart());
        // 30 growth + 0 goals + 6 language + 2.625 + 3 field = 41.625
        assertEquals(41.6, breakdown.total());
    }

    @Test
    void missingDataGetsTheNeutralHalf() {
        ParticipantProfile participant = new ParticipantProfile(MatchingFixtures.PARTICIPANT_ID, "P-1", null,
                List.of(), List.of(), null, List.of("en"), null);
        MentorCandidate mentor = mentor(1).timeZone("Mars/Olympus_Mons").build();

        ScoreBreakdown breakdown = scorer.score(participant, mentor, policy);

        assertEquals(30.0, breakdown.growthFit());
        assertEquals(12.5, breakdown.goalCoverage());
        assertEquals(6.0, breakdown.language());
        assertEquals(3.0, breakdown.timeZone());
        assertEquals(1.5, breakdown.field());
        assertEquals(53.0, breakdown.total());
        assertEquals(OptionalInt.empty(), breakdown.minutesApart());
        assertEquals(Optional.empty(), breakdown.sharedField());
    }

    @Test
    void theHotPathAgreesWithTheBreakdown() {
        MentorCandidate mentor = mentor(1).strength(Trait.SPEAK_UP, 4).offers(Goal.CAREER_ADVICE)
                .timeZone("America/New_York").build();
        CompatibilityScorer.ForParticipant prepared = scorer.prepare(participant(), policy);

        assertEquals(prepared.breakdown(mentor).total(), prepared.total(mentor));
        assertEquals(prepared.breakdown(mentor).total() * 10, prepared.totalTenths(mentor), 1e-9);
    }

    @Test
    void refusesAnInvalidPolicy() {
        MatchingPolicy invalid = new MatchingPolicy(1, 90, 25, 15, 40, 40, 20, 10, 40);
        assertThrows(IllegalArgumentException.class, () -> scorer.prepare(participant(), invalid));
    }

    @Test
    void weightsAreTheMaximumPoints() {
        MatchingPolicy growthOnly = new MatchingPolicy(2, 100, 0, 0, 100, 0, 0, 0, 0);
        MentorCandidate mentor = mentor(1).strength(Trait.APPROACH_TO_CHANGE_LEADERSHIP, 5).build();

        ScoreBreakdown breakdown = scorer.score(participant(), mentor, growthOnly);

        // 100 x 3/6 = 50; every other part is worth nothing under this policy
        assertEquals(50.0, breakdown.total());
        assertTrue(breakdown.language() == 0.0 && breakdown.goalCoverage() == 0.0);
    }
}
