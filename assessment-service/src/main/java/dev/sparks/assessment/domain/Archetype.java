package dev.sparks.assessment.domain;

import dev.sparks.common.model.Dimension;
import dev.sparks.common.model.Side;
import java.util.Map;

/**
 * The overall pattern across the six dimensions. The first rule that holds wins:
 * <ol>
 * <li>{@link #INTEGRATOR}: both sides {@link Blend#STRONG} in at least {@link #MOST} dimensions;</li>
 * <li>{@link #STEADY_MANAGER}: management-leaning in at least {@link #MOST} dimensions;</li>
 * <li>{@link #VISIONARY_LEADER}: leadership-leaning in at least {@link #MOST} dimensions;</li>
 * <li>{@link #EMERGING}: emerging in at least {@link #MOST} dimensions;</li>
 * <li>{@link #ADAPTIVE}: otherwise.</li>
 * </ol>
 * Rules 2-4 cannot hold together (a dimension has one blend and {@link #MOST} is a majority of six),
 * so only the integrator rule needs its precedence: strength on both sides matters more than which one is higher.
 */
public enum Archetype {
    INTEGRATOR("Integrator",
            "You combine strong management with strong leadership in most areas: you build structure and deliver "
                    + "results while also bringing people with you and steering toward the longer term. Your growth "
                    + "lies in sharpening the few areas that lag behind the rest and in passing this balance on to others."),
    STEADY_MANAGER("Steady manager",
            "In most areas you lean toward management: you bring order, reliability and measurable results, and "
                    + "people can count on things getting done properly. Your growth lies in the leadership side: "
                    + "questioning how things are done, taking calculated risks and helping people grow beyond "
                    + "their current roles."),
    VISIONARY_LEADER("Visionary leader",
            "In most areas you lean toward leadership: you look ahead, challenge the status quo and inspire people "
                    + "around a direction. Your growth lies in the management side: turning ideas into plans, "
                    + "keeping track of details and results, and giving change a stable footing."),
    ADAPTIVE("Adaptive",
            "Your profile mixes approaches: you lean toward management in some areas, toward leadership in others, "
                    + "and hold the two in balance elsewhere. That flexibility is a strength; your growth lies in "
                    + "lifting the specific sides that score lowest so that you can choose your approach rather than "
                    + "fall back on it."),
    EMERGING("Emerging",
            "In most areas both your management and your leadership are still developing, which is usual early in "
                    + "a career or after a change of role. This is the best moment for mentoring: a few focused "
                    + "habits in your growth areas will make the biggest difference.");

    /** A majority of the six dimensions. */
    public static final int MOST = 4;

    private final String title;
    private final String description;

    Archetype(String title, String description) {
        this.title = title;
        this.description = description;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public static Archetype of(Scores scores, Map<Dimension, Blend> blends) {
        long strongOnBoth = 0;
        for (Dimension dimension : Dimension.values()) {
            if (scores.of(dimension, Side.MANAGEMENT) >= Blend.STRONG
                    && scores.of(dimension, Side.LEADERSHIP) >= Blend.STRONG) {
                strongOnBoth++;
            }
        }
        if (strongOnBoth >= MOST) {
            return INTEGRATOR;
        }
        if (count(blends, Blend.MANAGEMENT_LEANING) >= MOST) {
            return STEADY_MANAGER;
        }
        if (count(blends, Blend.LEADERSHIP_LEANING) >= MOST) {
            return VISIONARY_LEADER;
        }
        if (count(blends, Blend.EMERGING) >= MOST) {
            return EMERGING;
        }
        return ADAPTIVE;
    }

    private static long count(Map<Dimension, Blend> blends, Blend blend) {
        return blends.values().stream().filter(b -> b == blend).count();
    }
}
