package dev.sparks.mentor.domain;

import dev.sparks.common.model.Availability;
import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.Trait;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * A mentor's profile in normal form (see {@link ProfileNormaliser}): two profiles that mean the same are equal, which
 * is what makes a re-sent import "unchanged".
 *
 * @param languages ISO 639-1, lower case, first is the preferred one, no repeats
 * @param strengths all 18 traits, 1 (not a strength) to 5
 * @param offerings in {@link Goal} order, no repeats
 * @param exclusions lower case, sorted, no repeats
 * @param availability null in an incoming profile means "keep what the mentor has" (see {@link #resolvedAgainst})
 */
public record MentorProfile(
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
        List<String> exclusions) {

    public MentorProfile {
        languages = List.copyOf(languages);
        strengths = Map.copyOf(strengths);
        offerings = List.copyOf(offerings);
        exclusions = List.copyOf(exclusions);
    }

    /**
     * Fills an unspecified availability from the current profile (a new mentor starts accepting), so the result can
     * be compared with and stored over {@code current}.
     */
    public MentorProfile resolvedAgainst(MentorProfile current) {
        if (availability != null) {
            return this;
        }
        Availability kept = current == null ? Availability.ACCEPTING : current.availability();
        LocalDate until = current == null ? null : current.pausedUntil();
        return new MentorProfile(externalId, name, email, field, seniority, languages, timeZone, bio, strengths,
                offerings, capacity, kept, until, exclusions);
    }

    public MentorProfile withExclusions(List<String> newExclusions) {
        return new MentorProfile(externalId, name, email, field, seniority, languages, timeZone, bio, strengths,
                offerings, capacity, availability, pausedUntil, newExclusions);
    }

    public MentorProfile withAvailability(Availability newAvailability, LocalDate newPausedUntil) {
        return new MentorProfile(externalId, name, email, field, seniority, languages, timeZone, bio, strengths,
                offerings, capacity, newAvailability, newPausedUntil, exclusions);
    }
}
