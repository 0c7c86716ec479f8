package dev.sparks.notification.messaging;

import dev.sparks.notification.config.NotificationConfig;
import dev.sparks.notification.domain.NotificationKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The worker that empties the mail queue: every poll it sends what is due, one email per transaction, until
 * nothing is due or a batch is done. Runs on every replica; the row locks keep them from sending the same mail.
 */
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    private final MailDelivery delivery;
    private final NotificationConfig config;
    private final Map<NotificationKind, Counter> sent = new EnumMap<>(NotificationKind.class);
    private final Map<NotificationKind, Counter> failed = new EnumMap<>(NotificationKind.class);
    private volatile boolean stopping;

    public MailSender(MailDelivery delivery, NotificationConfig config, MeterRegistry registry) {
        this.delivery = delivery;
        this.config = config;
        for (NotificationKind kind : NotificationKind.values()) {
            sent.put(kind, Counter.builder("sparks.notifications.sent").tag("kind", kind.name())
                    .description("Emails the SMTP server accepted").register(registry));
            failed.put(kind, Counter.builder("sparks.notifications.failed").tag("kind", kind.name())
                    .description("Emails given up on after the last retry, left for an admin to resend")
                    .register(registry));
        }
    }

    @Scheduled(identity = "mail-sender", every = "${sparks.notification.delivery.poll-interval:2s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        for (int i = 0; i < config.delivery().batchSize() && !stopping; i++) {
            MailDelivery.Outcome outcome;
            try {
                outcome = delivery.deliverNext();
            } catch (RuntimeException e) {
                LOG.warnf("Mail sender stopped this round: %s", e.toString());
                return;
            }
            switch (outcome.result()) {
                case NOTHING_DUE -> {
                    return;
                }
                case SENT -> sent.get(outcome.kind()).increment();
                case FAILED -> failed.get(outcome.kind()).increment();
                default -> {
                }
            }
        }
    }

    /** No new email is started once the service is stopping; the one being sent finishes or rolls back. */
    void stop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }
}
