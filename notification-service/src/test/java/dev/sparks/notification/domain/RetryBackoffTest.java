package dev.sparks.notification.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

    private final RetryBackoff backoff = new RetryBackoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void doublesFromTheInitialDelayWithoutJitter() {
        assertThat(backoff.delayAfter(1, 0)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(2, 0)).isEqualTo(Duration.ofSeconds(60));
        assertThat(backoff.delayAfter(3, 0)).isEqualTo(Duration.ofSeconds(120));
        assertThat(backoff.delayAfter(20, 0)).isEqualTo(Duration.ofHours(1));
    }

    @Property
    void staysBetweenTheExponentialDelayAndHalfAgain(@ForAll @IntRange(min = 1, max = 10_000) int failures,
            @ForAll @DoubleRange(min = 0, max = 1, maxIncluded = false) double jitter) {
        Duration delay = backoff.delayAfter(failures, jitter);
        long exponential = Math.min(Duration.ofHours(1).toMillis(),
                failures > 40 ? Long.MAX_VALUE : 30_000L << (failures - 1));
        assertThat(delay.toMillis()).isBetween(exponential, exponential + exponential / 2);
    }

    @Property
    void neverShrinksAsFailuresGrow(@ForAll @IntRange(min = 1, max = 100) int failures) {
        assertThat(backoff.delayAfter(failures + 1, 0)).isGreaterThanOrEqualTo(backoff.delayAfter(failures, 0));
    }

    @Test
    void theLastAllowedAttemptMarksTheNotificationFailed() {
        Notification notification = Notification.queue(java.util.UUID.randomUUID(), null,
                NotificationKind.MENTOR_NOTICE, "m@sparks.test", "M", "{}", "sparks.notification", Instant.EPOCH);
        notification.recordFailure("refused", Instant.EPOCH, 2, backoff, 0);
        assertThat(notification.status).isEqualTo(NotificationStatus.PENDING);
        assertThat(notification.nextAttemptAt).isEqualTo(Instant.EPOCH.plusSeconds(30));
        notification.recordFailure("refused", Instant.EPOCH, 2, backoff, 0);
        assertThat(notification.status).isEqualTo(NotificationStatus.FAILED);
        assertThat(notification.messageId).isEqualTo("<" + notification.id + "@sparks.notification>");
    }

    @Test
    void refusesNonsense() {
        assertThatThrownBy(() -> new RetryBackoff(Duration.ZERO, Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> backoff.delayAfter(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
