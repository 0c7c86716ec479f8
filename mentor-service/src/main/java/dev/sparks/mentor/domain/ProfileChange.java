package dev.sparks.mentor.domain;

import dev.sparks.common.model.Availability;

/** What storing an incoming profile over the current one amounts to. */
public enum ProfileChange {
    CREATED,
    UPDATED,
    UNCHANGED;

    /**
     * @param current the stored profile, or null for a mentor not seen before
     * @param incoming normalised and {@linkplain MentorProfile#resolvedAgainst resolved} against {@code current}
     */
    public static ProfileChange of(MentorProfile current, MentorProfile incoming) {
        if (current == null) {
            return CREATED;
        }
        return current.equals(incoming) ? UNCHANGED : UPDATED;
    }

    /**
     * A retired mentor takes no edits, except one that explicitly brings them back (availability ACCEPTING or
     * PAUSED): retirement is kept for history, reactivation is a deliberate act.
     */
    public static boolean refusedForRetired(MentorProfile current, MentorProfile incomingUnresolved) {
        return current != null && current.availability() == Availability.RETIRED
                && incomingUnresolved.availability() == null;
    }
}
