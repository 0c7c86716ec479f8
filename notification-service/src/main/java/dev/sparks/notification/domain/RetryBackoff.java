package dev.sparks.notification.domain;

import java.time.Duration;

/**
 * When to try a failed email again: exponential backoff from {@code initial}, capped at {@code max}, plus up to
 * half again as jitter so that mail queued during an outage does not hit the recovering server all at once.
 */
public record RetryBackoff(Duration initial, Duration max) {

    public RetryBackoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0) {
            throw new IllegalArgumentException("need 0 < initial <= max, got " + initial + " and " + max);
        }
    }

    /**
     * @param failures failed attempts so far, 1 or more
     * @param jitter a random number in [0, 1)
     */
    public Duration delayAfter(int failures, double jitter) {
        if (failures < 1) {
            throw new IllegalArgumentException("failures must be 1 or more");
        }
        long base = initial.toMillis();
        long cap = max.toMillis();
        int doublings = Math.min(failures - 1, 62);
        long exponential = doublings >= Long.numberOfLeadingZeros(base) - 1 ? cap : Math.min(cap, base << doublings);
        return Duration.ofMillis(exponential + (long) (exponential * 0.5 * jitter));
    }
}
