package dev.sparks.matching.domain;

import static dev.sparks.matching.domain.MatchingFixtures.mentor;
import static dev.sparks.matching.domain.MatchingFixtures.participant;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EligibilityTest {

    private final Eligibility eligibility = Eligibility.of(participant(), Set.of(MatchingFixtures.id(99)));

    private Optional<HardRule> check(MentorCandidate mentor) {
        return eligibility.firstViolated(mentor);
    }

    @Test
    void aMentorBreakingNoRuleIsEligible() {
        assertEquals(Optional.empty(), check(mentor(1).build()));
        assertTrue(eligibility.isEligible(mentor(1).languages("DE").build()));
    }

    @Test
    void eachRuleOnItsOwn() {
        assertEquals(Optional.of(HardRule.NO_COMMON_LANGUAGE), check(mentor(1).languages("fr", "es").build()));
        assertEquals(Optional.of(HardRule.NOT_ACCEPTING), check(mentor(1).accepting(false).build()));
        assertEquals(Optional.of(HardRule.NO_FREE_CAPACITY), check(mentor(1).capacity(2).reserved(2).build()));
        assertEquals(Optional.of(HardRule.NO_FREE_CAPACITY), check(mentor(1).capacity(0).build()));
        assertEquals(Optional.of(HardRule.EXCLUDED), check(mentor(1).excludes("P-1").build()));
        assertEquals(Optional.of(HardRule.PREVIOUSLY_DECLINED_OR_EXPIRED), check(mentor(99).build()));
        assertEquals(Optional.of(HardRule.SELF), check(mentor(1).email("PAT@example.org").build()));
    }

    @Test
    void exclusionByEmailIgnoresCase() {
        assertEquals(Optional.of(HardRule.EXCLUDED), check(mentor(1).excludes("pat@example.org").build()));
        assertEquals(Optional.of(HardRule.EXCLUDED), check(mentor(1).excludes("Pat@EXAMPLE.org").build()));
        assertEquals(Optional.empty(), check(mentor(1).excludes("P-2", "sam@example.org").build()));
    }

    @Test
    void theFirstBrokenRuleInDeclarationOrderIsReported() {
        MentorCandidate breaksEverything = mentor(99).languages("fr").accepting(false).capacity(1).reserved(1)
                .excludes("P-1").email("pat@example.org").build();
        assertEquals(Optional.of(HardRule.NO_COMMON_LANGUAGE), check(breaksEverything));

        MentorCandidate busyAndExcluding = mentor(1).capacity(1).reserved(1).excludes("P-1").build();
        assertEquals(Optional.of(HardRule.NO_FREE_CAPACITY), check(busyAndExcluding));
    }

    @Test
    void aParticipantWithoutLanguagesSharesNone() {
        ParticipantProfile silent = new ParticipantProfile(MatchingFixtures.PARTICIPANT_ID, "P-1", null,
                java.util.List.of(), java.util.List.of(), null, java.util.List.of(), null);
        assertEquals(Optional.of(HardRule.NO_COMMON_LANGUAGE),
                Eligibility.of(silent, null).firstViolated(mentor(1).build()));
    }
}
