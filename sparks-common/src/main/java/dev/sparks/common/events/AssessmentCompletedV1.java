package dev.sparks.common.events;

import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.GrowthArea;
import dev.sparks.common.model.Trait;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code assessment.completed.v1} on {@link Topics#ASSESSMENTS}, keyed by participant id.
 * Carries everything matching needs, so the consumer never calls back.
 *
 * @param scores every trait's score, 0-100
 * @param growthAreas ranked, most needed first
 * @param goals ranked, most wanted first
 */
public record AssessmentCompletedV1(
        UUID assessmentId,
        UUID participantId,
        String participantExternalId,
        String name,
        String email,
        String instrumentVersion,
        Map<Trait, Integer> scores,
        String archetype,
        List<GrowthArea> growthAreas,
        List<Goal> goals,
        Preferences preferences,
        Instant completedAt) {

    public static final String TYPE = "assessment.completed.v1";

    /** What a match needs to respect besides growth: field, languages (ISO 639-1), IANA time zone, free text. */
    public record Preferences(Field field, List<String> languages, String timeZone, String notes) {
    }
}
