package dev.sparks.mentor.domain;

import java.util.List;
import java.util.Map;

/**
 * A profile as a client or an HR file states it, before normalisation: free text, enum names as strings, any map
 * of strengths. Every field may be null; {@link ProfileNormaliser} says what is missing or wrong.
 */
public record ProfileDraft(
        String externalId,
        String name,
        String email,
        String field,
        String seniority,
        List<String> languages,
        String timeZone,
        String bio,
        Map<String, Integer> strengths,
        List<String> offerings,
        Integer capacity,
        String availability,
        String pausedUntil,
        List<String> exclusions) {

    /** The draft that normalises to {@code profile}, without its availability (see {@link #withAvailability}). */
    public static ProfileDraft of(MentorProfile profile) {
        Map<String, Integer> strengths = new java.util.TreeMap<>();
        profile.strengths().forEach((trait, level) -> strengths.put(trait.name(), level));
        return new ProfileDraft(profile.externalId(), profile.name(), profile.email(), profile.field().name(),
                profile.seniority(), profile.languages(), profile.timeZone(), profile.bio(), strengths,
                profile.offerings().stream().map(Enum::name).toList(), profile.capacity(), null, null,
                profile.exclusions());
    }

    public ProfileDraft withAvailability(String newAvailability, String newPausedUntil) {
        return new ProfileDraft(externalId, name, email, field, seniority, languages, timeZone, bio, strengths,
                offerings, capacity, newAvailability, newPausedUntil, exclusions);
    }
}
