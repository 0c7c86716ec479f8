package dev.sparks.matching.domain;

/**
 * How the program matches: {@link #IMMEDIATE} proposes a mentor as soon as an assessment is completed (first come,
 * best served); {@link #COHORT} collects completed assessments in the cohort pool until a matching run assigns
 * everyone at once.
 */
public enum ProgramMode {
    IMMEDIATE,
    COHORT
}
