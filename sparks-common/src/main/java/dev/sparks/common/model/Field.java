package dev.sparks.common.model;

/** The professional field of a participant's preference or a mentor's experience. */
public enum Field {
    BUSINESS,
    HEALTHCARE,
    EDUCATION,
    TECHNOLOGY,
    OTHER
}
