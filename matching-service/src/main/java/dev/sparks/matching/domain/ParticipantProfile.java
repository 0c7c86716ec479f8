package dev.sparks.matching.domain;

import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.GrowthArea;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;

/**
 * What matching knows about a participant who finished the assessment.
 *
 * <p>The compact constructor normalises once so the hot loop never does: the email is
 * lower-cased, growth areas are sorted by rank, languages are lower-cased in preference order.
 *
 * @param growthAreas most needed first
 * @param goals most wanted first, no repeats
 * @param field may be null (no preference)
 * @param languages ISO 639-1, first preference first
 * @param timeZone IANA zone id, may be null
 */
public record ParticipantProfile(
        UUID participantId,
        String externalId,
        String email,
        List<GrowthArea> growthAreas,
        List<Goal> goals,
        Field field,
        List<String> languages,
        String timeZone) {

    public ParticipantProfile {
        Objects.requireNonNull(participantId, "participantId");
        email = lowerCaseEmail(email);
        growthAreas = sortedByRank(growthAreas);
        goals = goals == null ? List.of() : goals.stream().filter(Objects::nonNull).distinct().toList();
        languages = Languages.normalise(languages);
    }

    /** What is left of an erased participant: nothing but the id. */
    public static ParticipantProfile erased(UUID participantId) {
        return new ParticipantProfile(participantId, null, null, List.of(), List.of(), null, List.of(), null);
    }

    public static ParticipantProfile from(AssessmentCompletedV1 event) {
        AssessmentCompletedV1.Preferences preferences = event.preferences();
        return new ParticipantProfile(
                event.participantId(),
                event.participantExternalId(),
                event.email(),
                event.growthAreas(),
                event.goals(),
                preferences == null ? null : preferences.field(),
                preferences == null ? List.of() : preferences.languages(),
                preferences == null ? null : preferences.timeZone());
    }

    private static List<GrowthArea> sortedByRank(List<GrowthArea> growthAreas) {
        if (growthAreas == null) {
            return List.of();
        }
        List<GrowthArea> sorted = new ArrayList<>(growthAreas.size());
        for (GrowthArea area : growthAreas) {
            if (area != null && area.trait() != null) {
                sorted.add(area);
            }
        }
        sorted.sort(Comparator.comparingInt(GrowthArea::rank)); // stable: equal ranks keep event order
        return List.copyOf(sorted);
    }

    private static String lowerCaseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
