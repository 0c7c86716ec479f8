package dev.sparks.mentor.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sparks.common.model.Availability;
import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.Trait;
import dev.sparks.mentor.domain.Mentor;
import dev.sparks.mentor.domain.MentorProfile;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A mentor as the API shows it. The public view (for other mentors and participants) leaves out the external id,
 * the email and the exclusions.
 *
 * @param availability as of today: a pause whose end date has come shows as ACCEPTING
 * @param version the ETag's value; increases with every change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MentorView(
        UUID id,
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
        Instant createdAt,
        Instant updatedAt) {

    public static MentorView full(Mentor mentor, LocalDate today) {
        return of(mentor, today, true);
    }

    public static MentorView publicView(Mentor mentor, LocalDate today) {
        return of(mentor, today, false);
    }

    private static MentorView of(Mentor mentor, LocalDate today, boolean full) {
        MentorProfile profile = mentor.profile();
        Availability availability = mentor.effectiveAvailability(today);
        return new MentorView(mentor.id, full ? profile.externalId() : null, profile.name(),
                full ? profile.email() : null, profile.field(), profile.seniority(), profile.languages(),
                profile.timeZone(), profile.bio(), new TreeMap<>(profile.strengths()), profile.offerings(),
                profile.capacity(), availability, availability == Availability.PAUSED ? profile.pausedUntil() : null,
                mentor.retired(), full ? profile.exclusions() : null, mentor.version, mentor.createdAt,
                mentor.updatedAt);
    }
}
