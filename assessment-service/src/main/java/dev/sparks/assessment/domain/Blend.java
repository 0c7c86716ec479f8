package dev.sparks.assessment.domain;

/**
 * How the two sides of one dimension relate. Decided in this order:
 * both sides below {@link #LOW} is {@link #EMERGING}; sides at least {@link #LEANING_GAP} apart lean
 * toward the higher one; anything else is {@link #BALANCED}.
 */
public enum Blend {
    MANAGEMENT_LEANING("Management-leaning"),
    LEADERSHIP_LEANING("Leadership-leaning"),
    BALANCED("Balanced"),
    EMERGING("Emerging");

    /** A side scoring below this is low: its keyed answers average below "Sometimes" (3 of 5 maps to 50). */
    public static final int LOW = 50;
    /** A side scoring at least this is strong: its keyed answers average close to "Often" (4 of 5 maps to 75) or higher. */
    public static final int STRONG = 70;
    /** Sides this far apart or more: more than half a scale step (25 points) apart on average, a difference worth naming. */
    public static final int LEANING_GAP = 15;

    private final String title;

    Blend(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }

    public static Blend of(int management, int leadership) {
        if (management < LOW && leadership < LOW) {
            return EMERGING;
        }
        if (management - leadership >= LEANING_GAP) {
            return MANAGEMENT_LEANING;
        }
        if (leadership - management >= LEANING_GAP) {
            return LEADERSHIP_LEANING;
        }
        return BALANCED;
    }
}
