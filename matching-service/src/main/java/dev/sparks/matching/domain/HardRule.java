package dev.sparks.matching.domain;

/**
 * Rules no score can outweigh. Declared in the order {@link Eligibility} checks them, so a mentor
 * breaking several is counted once, under the first: lasting mismatches (language) before states
 * that change by themselves (availability, capacity), then the personal ones.
 */
public enum HardRule {
    NO_COMMON_LANGUAGE,
    NOT_ACCEPTING,
    NO_FREE_CAPACITY,
    EXCLUDED,
    PREVIOUSLY_DECLINED_OR_EXPIRED,
    SELF
}
