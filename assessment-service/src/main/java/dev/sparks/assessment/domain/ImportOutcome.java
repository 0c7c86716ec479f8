package dev.sparks.assessment.domain;

/** What an HR pre-registration did with one row. */
public enum ImportOutcome {
    CREATED,
    UPDATED,
    UNCHANGED,
    REJECTED
}
