package dev.sparks.common.model;

/** Whether a mentor takes new mentees. */
public enum Availability {
    ACCEPTING,
    PAUSED,
    RETIRED
}
