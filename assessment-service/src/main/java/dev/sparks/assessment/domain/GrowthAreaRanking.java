package dev.sparks.assessment.domain;

import dev.sparks.common.model.GrowthArea;
import dev.sparks.common.model.Side;
import dev.sparks.common.model.Trait;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The {@link #SIZE} traits a participant most needs to develop, ranked 1 (most) to {@link #SIZE}.
 *
 * <p>Every dimension side and behaviour competes in one list by its need:
 * {@code need = (100 - score) + max(0, other side - score) / 2}, where "other side" is the opposite side of the
 * same dimension (behaviours have none, so their need is {@code 100 - score}). A low score is the main signal;
 * a much stronger other side raises priority because that imbalance is what the program sets out to correct.
 * Higher need ranks first; equal needs go to the lower score, then to the earlier {@link Trait}.
 * The lowest score always makes the list: if the gap bonus pushed every lowest-scored trait out of the top
 * {@link #SIZE}, the first of them takes the last place.
 */
public final class GrowthAreaRanking {

    public static final int SIZE = 5;

    private GrowthAreaRanking() {
    }

    public static List<GrowthArea> rank(Scores scores) {
        Comparator<Trait> byPriority = Comparator
                .comparingInt((Trait t) -> -doubledNeed(scores, t))
                .thenComparingInt(scores::of)
                .thenComparing(Comparator.naturalOrder());
        List<Trait> ordered = Arrays.stream(Trait.values()).sorted(byPriority).toList();
        List<Trait> chosen = new ArrayList<>(ordered.subList(0, SIZE));
        int lowest = Arrays.stream(Trait.values()).mapToInt(scores::of).min().orElseThrow();
        if (chosen.stream().noneMatch(t -> scores.of(t) == lowest)) {
            Trait firstLowest = ordered.stream().filter(t -> scores.of(t) == lowest).findFirst().orElseThrow();
            chosen.set(SIZE - 1, firstLowest);
        }
        List<GrowthArea> areas = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Trait trait = chosen.get(i);
            areas.add(new GrowthArea(i + 1, trait, scores.of(trait), reason(scores, trait)));
        }
        return List.copyOf(areas);
    }

    /** Twice the need, so the half-weighted gap stays an exact integer. */
    static int doubledNeed(Scores scores, Trait trait) {
        return 2 * (Scores.MAX - scores.of(trait)) + gapBelowOtherSide(scores, trait);
    }

    private static int gapBelowOtherSide(Scores scores, Trait trait) {
        if (trait.isBehaviour()) {
            return 0;
        }
        return Math.max(0, scores.of(otherSide(trait)) - scores.of(trait));
    }

    private static Trait otherSide(Trait trait) {
        return Trait.of(trait.dimension(), trait.side() == Side.MANAGEMENT ? Side.LEADERSHIP : Side.MANAGEMENT);
    }

    /** One plain sentence: the score, where it stands, and what it is compared with. */
    static String reason(Scores scores, Trait trait) {
        int score = scores.of(trait);
        String opening = "Your score for " + trait.description() + " (" + score + ") is " + standing(scores, trait);
        if (trait.isBehaviour()) {
            long average = Math.round(Arrays.stream(Trait.values()).filter(Trait::isBehaviour)
                    .mapToInt(scores::of).average().orElseThrow());
            return opening + ", and your behaviours average " + average + ".";
        }
        Trait other = otherSide(trait);
        int otherScore = scores.of(other);
        String otherName = "the " + sideName(other.side()) + " side of " + trait.dimension().title();
        String comparison;
        if (otherScore - score >= Blend.LEANING_GAP) {
            comparison = "is much stronger";
        } else if (otherScore > score) {
            comparison = "is a little stronger";
        } else if (otherScore == score) {
            comparison = "is at the same level";
        } else {
            comparison = "is lower still";
        }
        return opening + ", and " + otherName + " " + comparison + " (" + otherScore + ").";
    }

    private static String standing(Scores scores, Trait trait) {
        int score = scores.of(trait);
        List<Trait> all = Arrays.asList(Trait.values());
        if (isLowestAmong(scores, trait, all)) {
            return lowest(scores, trait, all, "score", "scores");
        }
        List<Trait> peers = all.stream()
                .filter(t -> t.isBehaviour() == trait.isBehaviour() && t.side() == trait.side())
                .toList();
        if (isLowestAmong(scores, trait, peers)) {
            return trait.isBehaviour()
                    ? lowest(scores, trait, peers, "behaviour", "behaviours")
                    : lowest(scores, trait, peers, sideName(trait.side()) + " side", sideName(trait.side()) + " sides");
        }
        return score < Blend.LOW ? "low" : "among your lower scores";
    }

    private static boolean isLowestAmong(Scores scores, Trait trait, List<Trait> group) {
        return group.stream().allMatch(t -> scores.of(t) >= scores.of(trait));
    }

    private static String lowest(Scores scores, Trait trait, List<Trait> group, String singular, String plural) {
        long tied = group.stream().filter(t -> scores.of(t) == scores.of(trait)).count();
        return tied > 1 ? "one of your lowest " + plural : "your lowest " + singular;
    }

    private static String sideName(Side side) {
        return side == Side.MANAGEMENT ? "management" : "leadership";
    }
}
