package dev.sparks.matching.domain;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Why no mentor was eligible: how many candidates fell at each hard rule (each counted once, at
 * the first rule broken) and how many passed the rules but scored below the minimum. The summary
 * goes to the waiting list, so it is plain words and never names a mentor; exclusions are worded
 * neutrally on purpose.
 *
 * @param candidates how many mentors were considered
 * @param violations per hard rule, only rules with at least one mentor
 * @param belowMinimumScore mentors who passed every rule but scored below {@code minimumScore}
 */
public record NoMatchReason(
        int candidates,
        Map<HardRule, Integer> violations,
        int belowMinimumScore,
        int minimumScore) {

    public NoMatchReason {
        EnumMap<HardRule, Integer> copy = new EnumMap<>(HardRule.class);
        violations.forEach((rule, count) -> {
            if (count != null && count > 0) {
                copy.put(rule, count);
            }
        });
        violations = Collections.unmodifiableMap(copy);
    }

    public int count(HardRule rule) {
        return violations.getOrDefault(rule, 0);
    }

    /** E.g. "None of the 50 mentors fits yet: 12 share no language, 38 are at capacity." */
    public String summary() {
        if (candidates == 0) {
            return "No mentors are available for matching yet.";
        }
        List<String> parts = new ArrayList<>();
        for (HardRule rule : HardRule.values()) {
            int count = count(rule);
            if (count > 0) {
                parts.add(count + " " + phrase(rule, count == 1));
            }
        }
        if (belowMinimumScore > 0) {
            parts.add(belowMinimumScore + (belowMinimumScore == 1 ? " fits" : " fit")
                    + " below the minimum score of " + minimumScore);
        }
        String opening = candidates == 1
                ? "The one mentor does not fit yet"
                : "None of the " + candidates + " mentors fits yet";
        return parts.isEmpty() ? opening + "." : opening + ": " + String.join(", ", parts) + ".";
    }

    private static String phrase(HardRule rule, boolean one) {
        return switch (rule) {
            case NO_COMMON_LANGUAGE -> one ? "shares no language" : "share no language";
            case NOT_ACCEPTING -> one ? "is not taking new mentees" : "are not taking new mentees";
            case NO_FREE_CAPACITY -> one ? "is at capacity" : "are at capacity";
            case EXCLUDED -> one ? "is not available for this participant" : "are not available for this participant";
            case PREVIOUSLY_DECLINED_OR_EXPIRED -> "had an earlier match declined or expired";
            case SELF -> one ? "is the participant themselves" : "are the participant themselves";
        };
    }
}
