package dev.sparks.assessment.domain;

import dev.sparks.common.model.Dimension;
import java.util.List;

/**
 * A risk that applies to a participant, and why.
 *
 * @param overall the whole profile is imbalanced toward the risk's side (see {@link Profile})
 * @param dimensions the risk's dimensions that are imbalanced toward its side, in dimension order; may be empty
 *                   when only the overall pattern triggers it
 */
public record RiskFinding(Risk risk, boolean overall, List<Dimension> dimensions) {

    public RiskFinding {
        dimensions = List.copyOf(dimensions);
    }
}
