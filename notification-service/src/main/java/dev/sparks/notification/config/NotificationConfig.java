package dev.sparks.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Everything notification-service can be tuned with: links, the invitation's clocks and mail delivery. */
@ConfigMapping(prefix = "sparks.notification")
public interface NotificationConfig {

    /** Where participants reach this service from their mail client; links are {@code <base>/api/v1/invitations/<token>}. */
    @WithDefault("http://127.0.0.1:8084")
    String publicBaseUrl();

    /** The right-hand side of every Message-ID: {@code <notification-id@domain>}. */
    @WithDefault("sparks.notification")
    String messageIdDomain();

    Invitation invitation();

    Delivery delivery();

    interface Invitation {
        /** How long a link can be answered, counted from the proposal (capped by the match's own expiry). */
        @WithDefault("P7D")
        Duration validity();

        /** How long after the invitation email was sent, without an answer, the one reminder goes out. */
        @WithDefault("P3D")
        Duration reminderAfter();

        /** How often the reminder and expiry jobs look for due invitations (read by their {@code @Scheduled}). */
        @WithDefault("30s")
        Duration pollInterval();

        /** At most this many invitations expired per run and transaction. */
        @WithDefault("100")
        int batchSize();
    }

    interface Delivery {
        /** How often the sender looks for due mail (read by its {@code @Scheduled}). */
        @WithDefault("2s")
        Duration pollInterval();

        /** Mails sent per run before the sender yields to the next tick. */
        @WithDefault("50")
        int batchSize();

        /** Attempts (including the first) before a notification is marked FAILED and left for an admin. */
        @WithDefault("10")
        int maxAttempts();

        /** Wait after the first failed attempt; doubles with each further failure, plus up to 50% jitter. */
        @WithDefault("30s")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /** How long one SMTP conversation may take before the attempt counts as failed. */
        @WithDefault("30s")
        Duration sendTimeout();
    }
}
