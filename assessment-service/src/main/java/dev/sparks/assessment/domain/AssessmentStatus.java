package dev.sparks.assessment.domain;

/** An assessment is answered while IN_PROGRESS and frozen, with its result, once COMPLETED. */
public enum AssessmentStatus {
    IN_PROGRESS,
    COMPLETED
}
