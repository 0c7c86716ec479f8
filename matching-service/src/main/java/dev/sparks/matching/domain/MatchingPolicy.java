package dev.sparks.matching.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The tunable part of matching, versioned so every proposed match can record which policy chose it.
 *
 * <p>The three top-level weights are the maximum points of each part and must sum to exactly 100
 * (no silent normalising): a reader of a score breakdown can then see "growth fit 40 of 60"
 * without arithmetic. Practical fit is split between language, time zone and field by shares
 * in percent that also sum to 100.
 *
 * @param version increases with every change of the policy, starts at 1
 * @param growthFitWeight points for a mentor who is a role model in every growth area
 * @param goalCoverageWeight points for a mentor offering all the participant's goals
 * @param practicalFitWeight points for a perfect language, time-zone and field fit
 * @param languageShare percent of practical fit for language
 * @param timeZoneShare percent of practical fit for time-zone overlap
 * @param fieldShare percent of practical fit for the same field
 * @param loadBalancing points a fully used mentor loses in the ordering (never in the reported score), 0-100
 * @param minimumScore compatibility below this is no match at all, 0-100
 */
public record MatchingPolicy(
        int version,
        int growthFitWeight,
        int goalCoverageWeight,
        int practicalFitWeight,
        int languageShare,
        int timeZoneShare,
        int fieldShare,
        int loadBalancing,
        int minimumScore) {

    public static final int TOTAL = 100;

    /** One invalid field, shaped like the {@code errors} entries of a problem+json response. */
    public record FieldError(String field, String message) {
    }

    /**
     * Growth fit dominates because developing the growth areas is the program's purpose; goals
     * next; practical fit (6 language, 6 time zone, 3 field points) separates otherwise equal
     * mentors. Load balancing of 10 lets a free mentor within about 10 points of a busy star come
     * first. A minimum of 40 keeps out mentors with nothing to offer in the growth areas who only
     * share a language and goals.
     */
    public static MatchingPolicy defaults() {
        return new MatchingPolicy(1, 60, 25, 15, 40, 40, 20, 10, 40);
    }

    public List<FieldError> validate() {
        List<FieldError> errors = new ArrayList<>();
        if (version < 1) {
            errors.add(new FieldError("version", "must be at least 1"));
        }
        nonNegative(errors, "growthFitWeight", growthFitWeight);
        nonNegative(errors, "goalCoverageWeight", goalCoverageWeight);
        nonNegative(errors, "practicalFitWeight", practicalFitWeight);
        nonNegative(errors, "languageShare", languageShare);
        nonNegative(errors, "timeZoneShare", timeZoneShare);
        nonNegative(errors, "fieldShare", fieldShare);
        int weights = growthFitWeight + goalCoverageWeight + practicalFitWeight;
        if (weights != TOTAL) {
            errors.add(new FieldError("weights",
                    "growth fit, goal coverage and practical fit weights must sum to 100, not " + weights));
        }
        int shares = languageShare + timeZoneShare + fieldShare;
        if (shares != TOTAL) {
            errors.add(new FieldError("shares",
                    "language, time-zone and field shares must sum to 100, not " + shares));
        }
        inPercentRange(errors, "loadBalancing", loadBalancing);
        inPercentRange(errors, "minimumScore", minimumScore);
        return List.copyOf(errors);
    }

    public boolean isValid() {
        return validate().isEmpty();
    }

    /** Maximum language points. */
    public double languagePoints() {
        return practicalFitWeight * languageShare / (double) TOTAL;
    }

    /** Maximum time-zone points. */
    public double timeZonePoints() {
        return practicalFitWeight * timeZoneShare / (double) TOTAL;
    }

    /** Maximum field points. */
    public double fieldPoints() {
        return practicalFitWeight * fieldShare / (double) TOTAL;
    }

    private static void nonNegative(List<FieldError> errors, String field, int value) {
        if (value < 0) {
            errors.add(new FieldError(field, "must not be negative"));
        }
    }

    private static void inPercentRange(List<FieldError> errors, String field, int value) {
        if (value < 0 || value > TOTAL) {
            errors.add(new FieldError(field, "must be between 0 and 100"));
        }
    }
}
