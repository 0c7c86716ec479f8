package dev.sparks.matching.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatchingPolicyTest {

    @Test
    void defaultsAreValid() {
        MatchingPolicy policy = MatchingPolicy.defaults();
        assertEquals(List.of(), policy.validate());
        assertEquals(1, policy.version());
        assertEquals(6.0, policy.languagePoints());
        assertEquals(6.0, policy.timeZonePoints());
        assertEquals(3.0, policy.fieldPoints());
    }

    @Test
    void weightsMustSumToOneHundred() {
        MatchingPolicy policy = new MatchingPolicy(2, 60, 25, 20, 40, 40, 20, 10, 40);
        assertEquals(List.of(new MatchingPolicy.FieldError("weights",
                "growth fit, goal coverage and practical fit weights must sum to 100, not 105")), policy.validate());
    }

    @Test
    void reportsEveryInvalidField() {
        MatchingPolicy policy = new MatchingPolicy(0, -10, 90, 20, 50, 50, -1, 101, -5);
        List<String> fields = policy.validate().stream().map(MatchingPolicy.FieldError::field).toList();
        assertEquals(List.of("version", "growthFitWeight", "fieldShare", "shares", "loadBalancing", "minimumScore"),
                fields);
        assertTrue(!policy.isValid());
    }

    @Test
    void edgesOfTheRangesAreValid() {
        assertTrue(new MatchingPolicy(1, 100, 0, 0, 100, 0, 0, 0, 0).isValid());
        assertTrue(new MatchingPolicy(1, 0, 0, 100, 0, 0, 100, 100, 100).isValid());
    }
}
