package dev.sparks.matching.testing;

import java.time.Duration;
import java.util.function.Supplier;

/** Polls until something a user would see has happened; the deadline only bounds a failing test. */
public final class Eventually {

    private Eventually() {
    }

    public static <T> T until(String what, Supplier<T> probe, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        AssertionError last = null;
        while (System.nanoTime() < deadline) {
            try {
                T value = probe.get();
                if (value != null && !Boolean.FALSE.equals(value)) {
                    return value;
                }
            } catch (AssertionError e) {
                last = e;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("Not seen in " + timeout + ": " + what, last);
    }
}
