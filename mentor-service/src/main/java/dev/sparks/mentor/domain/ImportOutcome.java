package dev.sparks.mentor.domain;

/** What an import did with one row. */
public enum ImportOutcome {
    CREATED,
    UPDATED,
    /** The row normalises to the stored profile: nothing written, no event. */
    UNCHANGED,
    REJECTED
}
