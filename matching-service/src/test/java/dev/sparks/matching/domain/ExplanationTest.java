package dev.sparks.matching.domain;

import static dev.sparks.matching.domain.MatchingFixtures.mentor;
import static dev.sparks.matching.domain.MatchingFixtures.participant;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.Trait;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExplanationTest {

    private final CompatibilityScorer scorer = MatchingFixtures.scorer();

    private List<String> explain(MentorCandidate mentor) {
        return Explanation.of(scorer.score(participant(), mentor, MatchingPolicy.defaults())).sentences();
    }

    @Test
    void theThreeStrongestReasonsWin() {
        // growth 1: 30, goal 1: 16.7, growth 2: 15, language and time zone: 11.3, field: 3
        MentorCandidate mentor = mentor(1)
                .strength(Trait.APPROACH_TO_CHANGE_LEADERSHIP, 5)
                .strength(Trait.SPEAK_UP, 4)
                .offers(Goal.CAREER_ADVICE)
                .timeZone("Europe/London")
                .build();

        assertEquals(List.of(
                "A role model in driving change and challenging the status quo, your top growth area.",
                "Offers career advice, your first goal.",
                "Strong in speaking up, your second growth area."), explain(mentor));
    }

    @Test
    void practicalReasonsFillInWhenNothingElseFits() {
        MentorCandidate mentor = mentor(1).timeZone("Europe/London").build();

        assertEquals(List.of(
                "Speaks English with you and works 1 hour from your time zone.",
                "Works in technology, your field."), explain(mentor));
    }

    @Test
    void timeZonePhrasing() {
        assertEquals("Speaks English with you and works in your time zone.", explain(mentor(1).build()).get(0));
        assertEquals("Speaks German with you and works 4.5 hours from your time zone.",
                explain(mentor(1).languages("de").timeZone("Asia/Kolkata").field(Field.BUSINESS).build()).get(0));
        assertEquals("Speaks English with you.",
                explain(mentor(1).timeZone("America/Los_Angeles").field(Field.BUSINESS).build()).get(0));
        assertEquals("Speaks English with you.",
                explain(mentor(1).timeZone(null).field(Field.BUSINESS).build()).get(0));
    }

    @Test
    void weakStrengthsAreNotPraised() {
        MentorCandidate mentor = mentor(1).strengths(Strengths.uniform(2)).field(Field.OTHER).build();

        assertEquals(List.of("Speaks English with you and works in your time zone."), explain(mentor));
    }

    @Test
    void experiencedAndLowerRankedAreasAreNamedAsSuch() {
        MentorCandidate mentor = mentor(1).strength(Trait.TAKE_SMART_RISKS, 3).offers(Goal.NETWORKING)
                .timeZone("America/Los_Angeles").field(Field.BUSINESS).build();

        // networking 8.3, language 6, taking smart risks 5
        assertEquals(List.of(
                "Offers networking, your second goal.",
                "Speaks English with you.",
                "Experienced in taking smart risks, your third growth area."), explain(mentor));
    }

    @Test
    void textJoinsTheSentences() {
        Explanation explanation = new Explanation(List.of("One.", "Two."));
        assertEquals("One. Two.", explanation.text());
    }
}
