package dev.sparks.assessment.domain;

import dev.sparks.common.model.Trait;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** How a participant's scores moved from one completed assessment to the next. */
public final class ScoreHistory {

    private ScoreHistory() {
    }

    /** One completed assessment as the history needs it. */
    public record Completed(UUID assessmentId, String instrumentVersion, Instant completedAt, ResultSnapshot result) {
    }

    /**
     * One step of the history.
     *
     * @param change per trait, this score minus the previous assessment's; empty for the first assessment
     */
    public record Step(UUID assessmentId, String instrumentVersion, Instant completedAt, Archetype archetype,
            Map<Trait, Integer> scores, Map<Trait, Integer> change) {
    }

    /** The steps in completion order, oldest first, whatever order the assessments come in. */
    public static List<Step> of(List<Completed> completed) {
        List<Completed> ordered = completed.stream()
                .sorted(Comparator.comparing(Completed::completedAt).thenComparing(Completed::assessmentId))
                .toList();
        List<Step> steps = new ArrayList<>();
        Map<Trait, Integer> previous = null;
        for (Completed assessment : ordered) {
            Map<Trait, Integer> scores = new EnumMap<>(assessment.result().scores());
            Map<Trait, Integer> change = new EnumMap<>(Trait.class);
            if (previous != null) {
                for (Trait trait : Trait.values()) {
                    change.put(trait, scores.get(trait) - previous.get(trait));
                }
            }
            steps.add(new Step(assessment.assessmentId(), assessment.instrumentVersion(), assessment.completedAt(),
                    assessment.result().archetype(), scores, change));
            previous = scores;
        }
        return List.copyOf(steps);
    }
}
