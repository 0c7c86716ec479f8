package dev.sparks.matching.domain;

import dev.sparks.common.model.Field;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The (at most) three strongest reasons for a match, as plain sentences a participant reads.
 *
 * <p>Each candidate reason carries the points it contributed; the three with the most points
 * win, ties going to growth before goals before practical fit, then to the higher rank, so the
 * same breakdown always gives the same sentences. Only true, positive statements are made: a
 * growth area counts from strength 3 up, a goal only when offered, the time zone only when within
 * 8 hours.
 */
public record Explanation(List<String> sentences) {

    public static final int MAX_SENTENCES = 3;

    private static final int GROWTH = 0;
    private static final int GOAL = 1;
    private static final int PRACTICAL = 2;
    private static final int FIELD = 3;
    private static final String[] ORDINALS = {"first", "second", "third", "fourth", "fifth"};

    public Explanation {
        sentences = List.copyOf(sentences);
    }

    public static Explanation of(ScoreBreakdown breakdown) {
        List<Reason> reasons = new ArrayList<>();
        for (ScoreBreakdown.GrowthAreaFit area : breakdown.growthAreas()) {
            String strength = strengthPhrase(area.strength());
            if (strength != null && area.points() > 0) {
                reasons.add(new Reason(area.points(), GROWTH, area.rank(),
                        strength + " " + area.trait().description() + ", " + growthRankPhrase(area.rank()) + "."));
            }
        }
        for (ScoreBreakdown.GoalFit goal : breakdown.goals()) {
            if (goal.offered() && goal.points() > 0) {
                reasons.add(new Reason(goal.points(), GOAL, goal.rank(),
                        "Offers " + goal.goal().description() + ", " + goalRankPhrase(goal.rank()) + "."));
            }
        }
        breakdown.sharedLanguage().ifPresent(language -> {
            String sentence = "Speaks " + Languages.displayName(language) + " with you";
            double points = breakdown.language();
            if (breakdown.minutesApart().isPresent()
                    && breakdown.minutesApart().getAsInt() < CompatibilityScorer.FULL_OVERLAP_LOST_AT_MINUTES) {
                sentence += " and " + distancePhrase(breakdown.minutesApart().getAsInt());
                points += breakdown.timeZone();
            }
            if (points > 0) {
                reasons.add(new Reason(points, PRACTICAL, 1, sentence + "."));
            }
        });
        breakdown.sharedField().filter(field -> field != Field.OTHER && breakdown.field() > 0).ifPresent(field ->
                reasons.add(new Reason(breakdown.field(), FIELD, 1,
                        "Works in " + field.name().toLowerCase(Locale.ROOT) + ", your field.")));

        reasons.sort(Comparator.comparingDouble(Reason::points).reversed()
                .thenComparingInt(Reason::kind)
                .thenComparingInt(Reason::rank));
        List<String> sentences = new ArrayList<>(MAX_SENTENCES);
        for (int i = 0; i < reasons.size() && i < MAX_SENTENCES; i++) {
            sentences.add(reasons.get(i).sentence());
        }
        return new Explanation(sentences);
    }

    /** The sentences as one paragraph. */
    public String text() {
        return String.join(" ", sentences);
    }

    private record Reason(double points, int kind, int rank, String sentence) {
    }

    private static String strengthPhrase(int strength) {
        return switch (strength) {
            case 5 -> "A role model in";
            case 4 -> "Strong in";
            case 3 -> "Experienced in";
            default -> null;
        };
    }

    private static String growthRankPhrase(int rank) {
        return switch (rank) {
            case 1 -> "your top growth area";
            case 2 -> "your second growth area";
            case 3 -> "your third growth area";
            default -> "one of your growth areas";
        };
    }

    private static String goalRankPhrase(int rank) {
        return rank <= ORDINALS.length ? "your " + ORDINALS[rank - 1] + " goal" : "one of your goals";
    }

    private static String distancePhrase(int minutesApart) {
        if (minutesApart == 0) {
            return "works in your time zone";
        }
        String hours = minutesApart % 60 == 0
                ? Integer.toString(minutesApart / 60)
                : String.format(Locale.ROOT, "%.1f", minutesApart / 60.0);
        return "works " + hours + (minutesApart == 60 ? " hour" : " hours") + " from your time zone";
    }
}
