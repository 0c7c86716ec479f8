package dev.sparks.assessment.domain;

import dev.sparks.common.model.Dimension;
import dev.sparks.common.model.Side;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The shape of a participant's scores: a {@link Blend} per dimension, an overall {@link Archetype},
 * and the imbalance {@link Risk}s that apply.
 *
 * <p>A side <em>outweighs</em> the other in a dimension when it is {@link Blend#STRONG} (>= 70) and the other is
 * {@link Blend#LOW} (< 50). The whole profile is imbalanced toward a side when that side's mean over the six
 * dimensions is >= 70 and the other side's mean is < 50. A risk applies when its side outweighs the other in at
 * least one of the risk's dimensions, or when the whole profile is imbalanced toward its side (then every risk of
 * that side applies). Both sides' risks can apply at once when different dimensions lean opposite ways.
 */
public record Profile(Map<Dimension, Blend> blends, Archetype archetype, List<RiskFinding> risks) {

    public Profile {
        blends = Collections.unmodifiableMap(new EnumMap<>(blends));
        risks = List.copyOf(risks);
    }

    public static Profile of(Scores scores) {
        Map<Dimension, Blend> blends = new EnumMap<>(Dimension.class);
        for (Dimension dimension : Dimension.values()) {
            blends.put(dimension, Blend.of(scores.of(dimension, Side.MANAGEMENT), scores.of(dimension, Side.LEADERSHIP)));
        }
        return new Profile(blends, Archetype.of(scores, blends), risks(scores));
    }

    public Blend blend(Dimension dimension) {
        return blends.get(dimension);
    }

    private static List<RiskFinding> risks(Scores scores) {
        List<RiskFinding> findings = new ArrayList<>();
        for (Risk risk : Risk.values()) {
            Side strong = risk.overdevelopedSide();
            Side weak = other(strong);
            boolean overall = scores.meanOf(strong) >= Blend.STRONG && scores.meanOf(weak) < Blend.LOW;
            List<Dimension> dimensions = risk.dimensions().stream()
                    .filter(d -> outweighs(scores.of(d, strong), scores.of(d, weak)))
                    .sorted()
                    .toList();
            if (overall || !dimensions.isEmpty()) {
                findings.add(new RiskFinding(risk, overall, dimensions));
            }
        }
        return findings;
    }

    static boolean outweighs(int strongSide, int weakSide) {
        return strongSide >= Blend.STRONG && weakSide < Blend.LOW;
    }

    private static Side other(Side side) {
        return side == Side.MANAGEMENT ? Side.LEADERSHIP : Side.MANAGEMENT;
    }
}
