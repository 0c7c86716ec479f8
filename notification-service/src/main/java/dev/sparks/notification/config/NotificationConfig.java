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
        /**
         * How often an idle sender looks for due mail that no commit announced (retries coming due, reminders,
         * another replica's queue).
         */
        @WithDefault("2s")
        Duration pollInterval();

        /** Mails one sender sends in a row before it looks again whether it is stopping. */
        @WithDefault("50")
        int batchSize();

        /**
         * Senders working through the queue side by side (in each replica): while one waits for the SMTP
         * server or the database, the others send.
         */
        @WithDefault("4")
        int workers();

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

        /**
         * How long a claimed email stays with the sender that claimed it: a send (send-timeout) plus a database
         * outage of a couple of minutes, during which the sender keeps trying to record the outcome. An email whose
         * sender died meanwhile is sent again once this has passed.
         */
        @WithDefault("3m")
        Duration claimLease();
    }
}
