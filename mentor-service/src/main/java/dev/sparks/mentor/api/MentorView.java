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
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A mentor as the API shows it. The public view (for other mentors and participants) leaves out the external id,
 * the email and the exclusions.
 *
 * @param availability as of today: a pause whose end date has come shows as ACCEPTING
 * @param version the ETag's value; increases with every change
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MentorView(
        @Schema(examples = "7b0c6d1e-2f3a-4b5c-8d9e-0a1b2c3d4e5f") UUID id,
        @Schema(description = "The mentor's id in the HR system; only in the full view", examples = "HR-10042")
        String externalId,
        @Schema(examples = "Maya Lindqvist") String name,
        @Schema(description = "Only in the full view", examples = "maya@sparks.test") String email,
        @Schema(examples = "TECHNOLOGY") Field field,
        @Schema(examples = "Director") String seniority,
        @Schema(description = "ISO 639-1 codes, preferred first", examples = "[\"en\", \"sv\"]")
        List<String> languages,
        @Schema(description = "IANA time zone", examples = "Europe/Stockholm") String timeZone,
        @Schema(examples = "Engineering director; I have led teams through two reorganisations and like helping new "
                + "leads find their own style.")
        String bio,
        @Schema(description = "Trait name to level 1 (not a strength) .. 5 (a role model)",
                examples = "{\"APPROACH_TO_CHANGE_LEADERSHIP\": 5, \"SPEAK_UP\": 4}")
        Map<Trait, Integer> strengths,
        @Schema(examples = "[\"CAREER_ADVICE\", \"NETWORKING\"]") List<Goal> offerings,
        @Schema(description = "Mentees at once", examples = "3") int capacity,
        @Schema(examples = "ACCEPTING") Availability availability,
        @Schema(description = "Only while PAUSED: the date (UTC) from which the mentor accepts again",
                examples = "2030-09-01")
        LocalDate pausedUntil,
        @Schema(examples = "false") boolean retired,
        @Schema(description = "Only in the full view", examples = "[\"hr-20017\", \"direct.report@sparks.test\"]")
        List<String> exclusions,
        @Schema(description = "The ETag's value", examples = "3") long version,
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
