package dev.sparks.mentor.api;

import dev.sparks.mentor.domain.ProfileDraft;
import dev.sparks.mentor.domain.ProfileNormaliser;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A mentor profile as POST, PUT, PATCH and the HR import send it. Strengths a profile leaves out are level 1
 * ("not a strength"); an absent availability keeps the mentor's (a new mentor starts ACCEPTING).
 */
@Schema(name = "MentorRequest", description = "A mentor profile to create or store")
public record MentorRequest(
        @NotBlank @Size(max = ProfileNormaliser.MAX_EXTERNAL_ID)
        @Schema(description = "The mentor's id in the HR system; unique", examples = "HR-10042")
        String externalId,
        @NotBlank @Size(max = ProfileNormaliser.MAX_NAME)
        @Schema(examples = "Maya Lindqvist")
        String name,
        @NotBlank @Email @Size(max = ProfileNormaliser.MAX_EMAIL)
        @Schema(description = "Unique; stored in lower case; links the profile to the mentor's login",
                examples = "maya@sparks.test")
        String email,
        @NotBlank
        @Schema(enumeration = {"BUSINESS", "HEALTHCARE", "EDUCATION", "TECHNOLOGY", "OTHER"}, examples = "TECHNOLOGY")
        String field,
        @Size(max = ProfileNormaliser.MAX_SENIORITY)
        @Schema(description = "Free text", examples = "Director")
        String seniority,
        @NotEmpty
        @Schema(description = "ISO 639-1 codes, preferred first", examples = "[\"en\", \"sv\"]")
        List<String> languages,
        @NotBlank
        @Schema(description = "IANA time zone", examples = "Europe/Stockholm")
        String timeZone,
        @Size(max = ProfileNormaliser.MAX_BIO)
        @Schema(examples = "Engineering director; I have led teams through two reorganisations and like helping new "
                + "leads find their own style.")
        String bio,
        @Schema(description = "Trait name to level 1 (not a strength) .. 5 (a role model); missing traits are 1",
                examples = "{\"APPROACH_TO_CHANGE_LEADERSHIP\": 5, \"SPEAK_UP\": 4}")
        Map<String, Integer> strengths,
        @Schema(description = "CAREER_ADVICE, NETWORKING, RESUME_HELP, SUPPORT_AND_INSIGHT",
                examples = "[\"CAREER_ADVICE\", \"NETWORKING\"]")
        List<String> offerings,
        @NotNull @Min(ProfileNormaliser.MIN_CAPACITY) @Max(ProfileNormaliser.MAX_CAPACITY)
        @Schema(description = "Mentees at once", examples = "3")
        Integer capacity,
        @Schema(description = "ACCEPTING or PAUSED; absent keeps the current availability (RETIRED only via DELETE)",
                enumeration = {"ACCEPTING", "PAUSED"}, examples = "ACCEPTING")
        String availability,
        @Schema(description = "Only with PAUSED: the date (UTC) from which the mentor accepts again; after today",
                examples = "2030-09-01")
        LocalDate pausedUntil,
        @Schema(description = "Participants never to be matched with this mentor, by external id or email",
                examples = "[\"hr-20017\", \"direct.report@sparks.test\"]")
        List<String> exclusions) {

    public ProfileDraft toDraft() {
        return new ProfileDraft(externalId, name, email, field, seniority, languages, timeZone, bio, strengths,
                offerings, capacity, availability, pausedUntil == null ? null : pausedUntil.toString(), exclusions);
    }

    /** The request that states {@code draft} (used as the base a merge patch applies to). */
    public static MentorRequest of(ProfileDraft draft) {
        return new MentorRequest(draft.externalId(), draft.name(), draft.email(), draft.field(), draft.seniority(),
                draft.languages(), draft.timeZone(), draft.bio(), draft.strengths(), draft.offerings(),
                draft.capacity(), draft.availability(),
                draft.pausedUntil() == null ? null : LocalDate.parse(draft.pausedUntil()), draft.exclusions());
    }
}
