package dev.sparks.common.events;

import dev.sparks.common.model.Availability;
import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.Trait;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code mentor.profile-changed.v1} on the compacted {@link Topics#MENTORS} topic, keyed by mentor id:
 * the whole current profile, so the latest record per key is the mentor's state.
 *
 * @param strengths every trait's strength level, 1 (not a strength) to 5 (a role model)
 * @param offerings what the mentor offers
 * @param exclusions participants the mentor must not be matched with, by external id or email (lower case)
 * @param version increases with every change of the profile
 */
public record MentorProfileChangedV1(
        UUID mentorId,
        String externalId,
        String name,
        String email,
        Field field,
        String seniority,
        List<String> languages,
        String timeZone,
        String bio,
        Map<Trait, Integer> strengths,
        List<Goal> offerings,
        int capacity,
        Availability availability,
        LocalDate pausedUntil,
        boolean retired,
        List<String> exclusions,
        long version,
        Instant changedAt) {

    public static final String TYPE = "mentor.profile-changed.v1";
}
