package dev.sparks.matching.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NoMatchReasonTest {

    @Test
    void summarisesCountsInRuleOrder() {
        NoMatchReason reason = new NoMatchReason(53,
                Map.of(HardRule.NO_FREE_CAPACITY, 38, HardRule.NO_COMMON_LANGUAGE, 12, HardRule.EXCLUDED, 0,
                        HardRule.SELF, 1),
                2, 40);

        assertEquals("None of the 53 mentors fits yet: 12 share no language, 38 are at capacity, "
                + "1 is the participant themselves, 2 fit below the minimum score of 40.", reason.summary());
        assertEquals(0, reason.count(HardRule.EXCLUDED));
        assertEquals(38, reason.count(HardRule.NO_FREE_CAPACITY));
    }

    @Test
    void singleMentorAndNoMentors() {
        assertEquals("The one mentor does not fit yet: 1 is not taking new mentees.",
                new NoMatchReason(1, Map.of(HardRule.NOT_ACCEPTING, 1), 0, 40).summary());
        assertEquals("No mentors are available for matching yet.",
                new NoMatchReason(0, Map.of(), 0, 40).summary());
    }
}
