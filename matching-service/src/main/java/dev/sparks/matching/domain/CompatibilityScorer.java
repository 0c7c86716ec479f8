package dev.sparks.matching.domain;

import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.GrowthArea;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Compatibility of a participant and a mentor, 0-100 with one decimal (scores are shown to people
 * and logged with the match; a decimal separates close mentors without false precision).
 *
 * <ul>
 *   <li><b>Growth fit</b> = weight x sum over growth areas of rankWeight x (strength - 1) / 4.
 *       With n growth areas the rank weights are n, n-1, ..., 1 normalised to sum 1 (5,4,3,2,1 / 15
 *       for five), so the top growth area counts most. Strength 1 ("not a strength") gives 0,
 *       5 ("a role model") gives full marks.</li>
 *   <li><b>Goal coverage</b> = weight x sum of the rank weights (same scheme) of the goals the
 *       mentor offers.</li>
 *   <li><b>Language</b>: full when the mentor speaks the participant's first-preference language,
 *       half for another shared language (the hard rule guarantees one), 0 for none.</li>
 *   <li><b>Time zone</b>: 1 - hoursApart / 8, floored at 0, where hoursApart is the clock distance
 *       of the UTC offsets at the reference instant (wrapping around the day); half when either
 *       zone is unknown.</li>
 *   <li><b>Field</b>: full for the same field, 0 for another, half when either is unknown.</li>
 * </ul>
 * A participant without growth areas or goals gets the neutral half of that part, so missing data
 * neither rewards nor punishes any mentor. Each part is rounded to one decimal and the total is
 * their sum (at most 100), so the breakdown a person reads always adds up; rounding is monotone,
 * so more fit never gives fewer points.
 *
 * <p>{@link #prepare} does the per-participant work once; {@link ForParticipant#totalTenths} then
 * scores a mentor without allocating, which is what a decision over 20,000 mentors needs.
 */
public final class CompatibilityScorer {

    static final double FULL_OVERLAP_LOST_AT_MINUTES = 8 * 60;
    private static final double STRENGTH_STEPS = Strengths.MAX_LEVEL - Strengths.MIN_LEVEL;
    private static final int MAX_TENTHS = MatchingPolicy.TOTAL * 10;

    private final ZoneOffsets offsets;

    public CompatibilityScorer(ZoneOffsets offsets) {
        this.offsets = Objects.requireNonNull(offsets, "offsets");
    }

    public ZoneOffsets offsets() {
        return offsets;
    }

    public ScoreBreakdown score(ParticipantProfile participant, MentorCandidate mentor, MatchingPolicy policy) {
        return prepare(participant, policy).breakdown(mentor);
    }

    /** @throws IllegalArgumentException when the policy is invalid */
    public ForParticipant prepare(ParticipantProfile participant, MatchingPolicy policy) {
        Objects.requireNonNull(participant, "participant");
        Objects.requireNonNull(policy, "policy");
        List<MatchingPolicy.FieldError> errors = policy.validate();
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("invalid matching policy: " + errors);
        }
        return new ForParticipant(participant, policy, offsets);
    }

    static double oneDecimal(double value) {
        return Math.round(value * 10) / 10.0;
    }

    /** Rank weights n, n-1, ..., 1 normalised to sum 1. */
    static double[] rankWeights(int n) {
        double[] weights = new double[n];
        double sum = n * (n + 1) / 2.0;
        for (int i = 0; i < n; i++) {
            weights[i] = (n - i) / sum;
        }
        return weights;
    }

    /** The scorer bound to one participant and policy. Immutable; safe to share between threads. */
    public static final class ForParticipant {

        private final ParticipantProfile participant;
        private final MatchingPolicy policy;
        private final ZoneOffsets offsets;

        private final int[] growthTraits;
        private final double[] growthPointsPerLevel;
        private final double growthNeutral;
        private final Goal[] goals;
        private final double[] goalPoints;
        private final double goalNeutral;
        private final String[] languages;
        private final double languagePoints;
        private final int offsetMinutes;
        private final double timeZonePoints;
        private final Field field;
        private final double fieldPoints;

        private ForParticipant(ParticipantProfile participant, MatchingPolicy policy, ZoneOffsets offsets) {
            this.participant = participant;
            this.policy = policy;
            this.offsets = offsets;

            List<GrowthArea> areas = participant.growthAreas();
            double[] areaWeights = rankWeights(areas.size());
            growthTraits = new int[areas.size()];
            growthPointsPerLevel = new double[areas.size()];
            for (int i = 0; i < areas.size(); i++) {
                growthTraits[i] = areas.get(i).trait().ordinal();
                growthPointsPerLevel[i] = policy.growthFitWeight() * areaWeights[i] / STRENGTH_STEPS;
            }
            growthNeutral = areas.isEmpty() ? policy.growthFitWeight() / 2.0 : 0;

            goals = participant.goals().toArray(Goal[]::new);
            double[] goalWeights = rankWeights(goals.length);
            goalPoints = new double[goals.length];
            for (int i = 0; i < goals.length; i++) {
                goalPoints[i] = policy.goalCoverageWeight() * goalWeights[i];
            }
            goalNeutral = goals.length == 0 ? policy.goalCoverageWeight() / 2.0 : 0;

            languages = participant.languages().toArray(String[]::new);
            languagePoints = policy.languagePoints();
            offsetMinutes = offsets.offsetMinutes(participant.timeZone());
            timeZonePoints = policy.timeZonePoints();
            field = participant.field();
            fieldPoints = policy.fieldPoints();
        }

        public ParticipantProfile participant() {
            return participant;
        }

        public MatchingPolicy policy() {
            return policy;
        }

        /** Compatibility in tenths of a point, 0-1000; the hot path. */
        public int totalTenths(MentorCandidate mentor) {
            return total(tenths(growthFit(mentor)), tenths(goalCoverage(mentor)), tenths(language(mentor)),
                    tenths(timeZone(mentor)), tenths(field(mentor)));
        }

        public double total(MentorCandidate mentor) {
            return totalTenths(mentor) / 10.0;
        }

        public ScoreBreakdown breakdown(MentorCandidate mentor) {
            int growthFit = tenths(growthFit(mentor));
            int goalFit = tenths(goalCoverage(mentor));
            int languageFit = tenths(language(mentor));
            int timeZoneFit = tenths(timeZone(mentor));
            int fieldFit = tenths(field(mentor));

            List<ScoreBreakdown.GrowthAreaFit> areaFits = new ArrayList<>(growthTraits.length);
            List<GrowthArea> areas = participant.growthAreas();
            for (int i = 0; i < growthTraits.length; i++) {
                int strength = mentor.strengths().level(growthTraits[i]);
                areaFits.add(new ScoreBreakdown.GrowthAreaFit(i + 1, areas.get(i).trait(), strength,
                        oneDecimal(growthPointsPerLevel[i] * (strength - Strengths.MIN_LEVEL))));
            }
            List<ScoreBreakdown.GoalFit> goalFits = new ArrayList<>(goals.length);
            for (int i = 0; i < goals.length; i++) {
                boolean offered = mentor.offerings().contains(goals[i]);
                goalFits.add(new ScoreBreakdown.GoalFit(i + 1, goals[i], offered,
                        offered ? oneDecimal(goalPoints[i]) : 0.0));
            }
            int shared = sharedLanguageIndex(mentor);
            int apart = ZoneOffsets.minutesApart(offsetMinutes, offsets.offsetMinutes(mentor.timeZone()));

            return new ScoreBreakdown(
                    total(growthFit, goalFit, languageFit, timeZoneFit, fieldFit) / 10.0,
                    growthFit / 10.0,
                    goalFit / 10.0,
                    languageFit / 10.0,
                    timeZoneFit / 10.0,
                    fieldFit / 10.0,
                    areaFits,
                    goalFits,
                    shared < 0 ? Optional.empty() : Optional.of(languages[shared]),
                    shared == 0,
                    apart == ZoneOffsets.UNKNOWN ? OptionalInt.empty() : OptionalInt.of(apart),
                    field != null && field == mentor.field() ? Optional.of(field) : Optional.empty());
        }

        private double growthFit(MentorCandidate mentor) {
            Strengths strengths = mentor.strengths();
            double points = growthNeutral;
            for (int i = 0; i < growthTraits.length; i++) {
                points += growthPointsPerLevel[i] * (strengths.level(growthTraits[i]) - Strengths.MIN_LEVEL);
            }
            return points;
        }

        private double goalCoverage(MentorCandidate mentor) {
            double points = goalNeutral;
            for (int i = 0; i < goals.length; i++) {
                if (mentor.offerings().contains(goals[i])) {
                    points += goalPoints[i];
                }
            }
            return points;
        }

        private double language(MentorCandidate mentor) {
            int shared = sharedLanguageIndex(mentor);
            if (shared < 0) {
                return 0;
            }
            return shared == 0 ? languagePoints : languagePoints / 2;
        }

        /** Index of the participant's most preferred language the mentor speaks, or -1. */
        private int sharedLanguageIndex(MentorCandidate mentor) {
            List<String> spoken = mentor.languages();
            for (int i = 0; i < languages.length; i++) {
                if (spoken.contains(languages[i])) {
                    return i;
                }
            }
            return -1;
        }

        private double timeZone(MentorCandidate mentor) {
            if (offsetMinutes == ZoneOffsets.UNKNOWN) {
                return timeZonePoints / 2;
            }
            int apart = ZoneOffsets.minutesApart(offsetMinutes, offsets.offsetMinutes(mentor.timeZone()));
            if (apart == ZoneOffsets.UNKNOWN) {
                return timeZonePoints / 2;
            }
            return timeZonePoints * Math.max(0.0, 1.0 - apart / FULL_OVERLAP_LOST_AT_MINUTES);
        }

        private double field(MentorCandidate mentor) {
            if (field == null || mentor.field() == null) {
                return fieldPoints / 2;
            }
            return field == mentor.field() ? fieldPoints : 0;
        }

        private static int tenths(double points) {
            return (int) Math.round(points * 10);
        }

        /**
         * The sum of the rounded parts, so a breakdown always adds up. The clamp only matters for
         * shares like 33/33/34 whose maxima round up (4.95 to 5.0).
         */
        private static int total(int growthFit, int goalCoverage, int language, int timeZone, int field) {
            return Math.max(0, Math.min(MAX_TENTHS, growthFit + goalCoverage + language + timeZone + field));
        }
    }
}
