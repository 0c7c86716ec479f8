package dev.sparks.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** How a service publishes (outbox relay) and consumes (inbox) events. */
@ConfigMapping(prefix = "sparks.events")
public interface EventsConfig {

    /** The CloudEvents {@code source} of what this service emits, e.g. {@code /sparks/assessment-service}. */
    String source();

    Outbox outbox();

    Consumer consumer();

    interface Outbox {
        /** Off only for tests that drive the relay by hand. */
        @WithDefault("true")
        boolean relayEnabled();

        @WithDefault("500")
        int batchSize();

        /** How often the relay looks for rows another replica wrote; a commit here wakes it at once. */
        @WithDefault("1s")
        Duration pollInterval();

        /** Wait after a failed batch (broker or database unreachable) before trying again. */
        @WithDefault("2s")
        Duration retryBackoff();

        /** How long one batch may wait for the broker's acknowledgements. */
        @WithDefault("30s")
        Duration sendTimeout();
    }

    interface Consumer {
        /** Attempts for an event whose handler fails for a non-transient reason, before it goes to the dead-letter topic. */
        @WithDefault("5")
        int maxAttempts();

        @WithDefault("200ms")
        Duration initialBackoff();

        @WithDefault("10s")
        @WithName("max-backoff")
        Duration maxBackoff();

        /** How often each consumer group's lag is read from its committed offsets (the sparks.consumer.lag gauge). */
        @WithDefault("15s")
        Duration lagInterval();
    }
}
