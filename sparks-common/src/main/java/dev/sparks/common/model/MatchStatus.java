package dev.sparks.common.model;

/**
 * The life of a match: PROPOSED -> INVITED -> ACCEPTED | DECLINED | EXPIRED; ACCEPTED -> ENDED.
 * A match may also end before it is answered (ENDED), e.g. when the participant's data is erased.
 */
public enum MatchStatus {
    PROPOSED,
    INVITED,
    ACCEPTED,
    DECLINED,
    EXPIRED,
    ENDED;

    /** Whether the match still holds one unit of the mentor's capacity. */
    public boolean holdsCapacity() {
        return this == PROPOSED || this == INVITED || this == ACCEPTED;
    }

    /** Whether it is waiting for the participant's answer. */
    public boolean isOpen() {
        return this == PROPOSED || this == INVITED;
    }
}
