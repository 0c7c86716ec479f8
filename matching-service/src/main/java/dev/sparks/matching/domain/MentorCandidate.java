package dev.sparks.matching.domain;

import dev.sparks.common.events.MentorProfileChangedV1;
import dev.sparks.common.model.Availability;
import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A mentor as matching sees them: the profile plus how many active matches they hold.
 *
 * <p>Normalised once on construction (lower-case email and languages, an {@link EnumSet} of
 * offerings) because the same candidate is scored in every decision.
 *
 * @param languages ISO 639-1, lower case
 * @param timeZone IANA zone id, may be null
 * @param capacity how many mentees at once
 * @param reserved active and proposed matches currently counted against capacity
 * @param accepting availability is ACCEPTING and the mentor has not retired
 * @param exclusions participants never to match with, by external id or lower-case email
 */
public record MentorCandidate(
        UUID mentorId,
        String name,
        String email,
        Field field,
        List<String> languages,
        String timeZone,
        Strengths strengths,
        Set<Goal> offerings,
        int capacity,
        int reserved,
        boolean accepting,
        Set<String> exclusions) {

    public MentorCandidate {
        Objects.requireNonNull(mentorId, "mentorId");
        email = lowerCaseEmail(email);
        languages = Languages.normalise(languages);
        strengths = strengths == null ? Strengths.uniform(Strengths.MIN_LEVEL) : strengths;
        offerings = offeringsOf(offerings);
        exclusions = exclusionsOf(exclusions);
    }

    public static MentorCandidate from(MentorProfileChangedV1 event, int reserved) {
        return new MentorCandidate(
                event.mentorId(),
                event.name(),
                event.email(),
                event.field(),
                event.languages(),
                event.timeZone(),
                Strengths.of(event.strengths()),
                offeringsOf(event.offerings()),
                event.capacity(),
                reserved,
                event.availability() == Availability.ACCEPTING && !event.retired(),
                exclusionsOf(event.exclusions()));
    }

    public boolean hasFreeCapacity() {
        return reserved < capacity;
    }

    /** Share of capacity in use, 0 to 1; a mentor without capacity counts as full. */
    public double utilisation() {
        if (capacity <= 0) {
            return 1.0;
        }
        return Math.min(1.0, Math.max(0.0, (double) reserved / capacity));
    }

    public MentorCandidate withReserved(int newReserved) {
        return new MentorCandidate(mentorId, name, email, field, languages, timeZone, strengths,
                offerings, capacity, newReserved, accepting, exclusions);
    }

    private static Set<Goal> offeringsOf(Collection<Goal> goals) {
        EnumSet<Goal> set = EnumSet.noneOf(Goal.class);
        if (goals != null) {
            for (Goal goal : goals) {
                if (goal != null) {
                    set.add(goal);
                }
            }
        }
        return Collections.unmodifiableSet(set);
    }

    /** Emails are lower-cased (the event promises it; direct callers may not), external ids kept as given. */
    private static Set<String> exclusionsOf(Collection<String> exclusions) {
        if (exclusions == null || exclusions.isEmpty()) {
            return Set.of();
        }
        Set<String> set = new HashSet<>();
        for (String exclusion : exclusions) {
            if (exclusion != null && !exclusion.isBlank()) {
                String entry = exclusion.strip();
                set.add(entry.indexOf('@') >= 0 ? lowerCaseEmail(entry) : entry);
            }
        }
        return Set.copyOf(set);
    }

    private static String lowerCaseEmail(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }
}
