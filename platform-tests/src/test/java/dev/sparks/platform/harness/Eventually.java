package dev.sparks.platform.harness;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Waits for an outcome of asynchronous work (events, mail). The patience is a bound on waiting, never a measured
 * expectation: on a slow machine a test only takes longer.
 */
public final class Eventually {

    /** Generous: several JVMs share two cores while the tests run. */
    public static final Duration PATIENCE = Duration.ofMinutes(3);

    private Eventually() {
    }

    public static void until(String what, BooleanSupplier condition) {
        until(what, PATIENCE, condition);
    }

    public static void until(String what, Duration patience, BooleanSupplier condition) {
        value(what, patience, () -> condition.getAsBoolean(), Boolean::booleanValue);
    }

    /** Reads {@code value} until {@code accepted} holds, and returns that value. */
    public static <T> T value(String what, Supplier<T> value, Predicate<T> accepted) {
        return value(what, PATIENCE, value, accepted);
    }

    public static <T> T value(String what, Duration patience, Supplier<T> value, Predicate<T> accepted) {
        long deadline = System.nanoTime() + patience.toNanos();
        T last = null;
        RuntimeException lastFailure = null;
        while (true) {
            try {
                last = value.get();
                lastFailure = null;
                if (accepted.test(last)) {
                    return last;
                }
            } catch (RuntimeException e) {
                lastFailure = e; // e.g. a service still starting; try again until the patience runs out
            }
            if (System.nanoTime() > deadline) {
                AssertionError failure = new AssertionError(
                        "Not reached within " + patience + ": " + what + " (last seen: " + last + ")");
                if (lastFailure != null) {
                    failure.initCause(lastFailure);
                }
                throw failure;
            }
            pause(Duration.ofMillis(250));
        }
    }

    public static void pause(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
