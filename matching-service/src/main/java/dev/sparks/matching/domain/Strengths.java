package dev.sparks.matching.domain;

import dev.sparks.common.model.Trait;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;

/**
 * A mentor's strength level in every trait, 1 (not a strength) to 5 (a role model), held as an
 * array indexed by trait ordinal so the scorer reads it without hashing or unboxing.
 */
public final class Strengths {

    public static final int MIN_LEVEL = 1;
    public static final int MAX_LEVEL = 5;

    private static final Trait[] TRAITS = Trait.values();

    private final byte[] levels;

    private Strengths(byte[] levels) {
        this.levels = levels;
    }

    /**
     * Missing traits count as 1 (not a strength). Levels outside 1-5 are clamped rather than
     * rejected: one malformed profile on the mentor topic must not stop the consumer, and the
     * clamp keeps every score inside 0-100.
     */
    public static Strengths of(Map<Trait, Integer> levelsByTrait) {
        byte[] levels = new byte[TRAITS.length];
        Arrays.fill(levels, (byte) MIN_LEVEL);
        if (levelsByTrait != null) {
            levelsByTrait.forEach((trait, level) -> {
                if (trait != null && level != null) {
                    levels[trait.ordinal()] = (byte) clamp(level);
                }
            });
        }
        return new Strengths(levels);
    }

    /** Every trait at the same level; handy for tests and defaults. */
    public static Strengths uniform(int level) {
        byte[] levels = new byte[TRAITS.length];
        Arrays.fill(levels, (byte) clamp(level));
        return new Strengths(levels);
    }

    public int level(Trait trait) {
        return levels[trait.ordinal()];
    }

    /** Fast path for the scorer's hot loop. */
    int level(int traitOrdinal) {
        return levels[traitOrdinal];
    }

    /** A copy with one trait changed. */
    public Strengths with(Trait trait, int level) {
        byte[] copy = levels.clone();
        copy[trait.ordinal()] = (byte) clamp(level);
        return new Strengths(copy);
    }

    public Map<Trait, Integer> asMap() {
        Map<Trait, Integer> map = new EnumMap<>(Trait.class);
        for (Trait trait : TRAITS) {
            map.put(trait, (int) levels[trait.ordinal()]);
        }
        return map;
    }

    private static int clamp(int level) {
        return Math.max(MIN_LEVEL, Math.min(MAX_LEVEL, level));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Strengths that && Arrays.equals(levels, that.levels);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(levels);
    }

    @Override
    public String toString() {
        return "Strengths" + asMap();
    }
}
