package dev.sparks.assessment.domain;

import dev.sparks.common.model.Dimension;
import dev.sparks.common.model.Side;
import dev.sparks.common.model.Trait;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** A score from 0 to 100 for every one of the 18 traits. */
public record Scores(Map<Trait, Integer> byTrait) {

    public static final int MIN = 0;
    public static final int MAX = 100;

    public Scores {
        Objects.requireNonNull(byTrait, "byTrait");
        EnumMap<Trait, Integer> copy = new EnumMap<>(Trait.class);
        copy.putAll(byTrait);
        List<Trait> missing = Arrays.stream(Trait.values()).filter(t -> copy.get(t) == null).toList();
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("scores are missing for " + missing);
        }
        copy.forEach((trait, score) -> {
            if (score < MIN || score > MAX) {
                throw new IllegalArgumentException(trait + " score " + score + " is outside " + MIN + ".." + MAX);
            }
        });
        byTrait = Collections.unmodifiableMap(copy);
    }

    /** The same score for every trait; a starting point for hand-made examples. */
    public static Scores uniform(int score) {
        EnumMap<Trait, Integer> all = new EnumMap<>(Trait.class);
        for (Trait trait : Trait.values()) {
            all.put(trait, score);
        }
        return new Scores(all);
    }

    /** A copy with one trait's score replaced. */
    public Scores with(Trait trait, int score) {
        EnumMap<Trait, Integer> changed = new EnumMap<>(byTrait);
        changed.put(trait, score);
        return new Scores(changed);
    }

    public int of(Trait trait) {
        return byTrait.get(trait);
    }

    public int of(Dimension dimension, Side side) {
        return of(Trait.of(dimension, side));
    }

    /** The unrounded mean of one side across the six dimensions. */
    public double meanOf(Side side) {
        return Arrays.stream(Dimension.values()).mapToInt(d -> of(d, side)).average().orElseThrow();
    }
}
