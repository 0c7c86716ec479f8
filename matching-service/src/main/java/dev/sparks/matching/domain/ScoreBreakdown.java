package dev.sparks.matching.domain;

import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.Trait;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Why a mentor scored what they did: each part's points (one decimal) and the evidence behind
 * them. {@link #total()} is the sum of the parts shown (capped at 100).
 *
 * @param total compatibility, 0-100, one decimal
 * @param growthFit points for strength in the participant's growth areas
 * @param goalCoverage points for offering the participant's goals
 * @param language points for a shared (first-preference) language
 * @param timeZone points for time-zone overlap
 * @param field points for working in the participant's field
 * @param growthAreas per growth area, most needed first
 * @param goals per goal, most wanted first
 * @param sharedLanguage the participant's most preferred language the mentor speaks
 * @param firstLanguageShared whether that is the participant's first preference
 * @param minutesApart clock distance between the two time zones; empty when either is unknown
 * @param sharedField the field both work in, when they do
 */
public record ScoreBreakdown(
        double total,
        double growthFit,
        double goalCoverage,
        double language,
        double timeZone,
        double field,
        List<GrowthAreaFit> growthAreas,
        List<GoalFit> goals,
        Optional<String> sharedLanguage,
        boolean firstLanguageShared,
        OptionalInt minutesApart,
        Optional<Field> sharedField) {

    /**
     * @param rank 1 for the most needed growth area
     * @param strength the mentor's level in it, 1-5
     */
    public record GrowthAreaFit(int rank, Trait trait, int strength, double points) {
    }

    /** @param rank 1 for the most wanted goal */
    public record GoalFit(int rank, Goal goal, boolean offered, double points) {
    }

    public ScoreBreakdown {
        growthAreas = List.copyOf(growthAreas);
        goals = List.copyOf(goals);
    }

    /** Language, time zone and field together. */
    public double practicalFit() {
        return CompatibilityScorer.oneDecimal(language + timeZone + field);
    }
}
