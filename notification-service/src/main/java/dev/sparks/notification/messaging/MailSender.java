package dev.sparks.notification.messaging;

import dev.sparks.common.work.WakeableWorker;
import dev.sparks.notification.config.NotificationConfig;
import dev.sparks.notification.domain.MailQueued;
import dev.sparks.notification.domain.NotificationKind;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The workers that empty the mail queue: each sends what is due, one email per transaction, until nothing is due,
 * then waits until a transaction queues mail ({@link MailQueued}, after its commit) or the poll interval passes.
 * Several workers (and every replica's) send side by side: the row locks keep them from sending the same mail, and
 * one SMTP conversation's round trips do not hold up the rest of the queue.
 */
@Startup // its counters exist from the start, before the first event they count
@ApplicationScoped
public class MailSender {

    private static final Logger LOG = Logger.getLogger(MailSender.class);

    private final MailDelivery delivery;
    private final NotificationConfig config;
    private final Map<NotificationKind, Counter> sent = new EnumMap<>(NotificationKind.class);
    private final Map<NotificationKind, Counter> failed = new EnumMap<>(NotificationKind.class);
    private final Timer completionToInvitation;
    private final List<WakeableWorker> workers = new ArrayList<>();
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
        // Buckets from ten seconds to two weeks: the platform promises minutes, the waiting list can take weeks.
        this.completionToInvitation = Timer.builder("sparks.completion.to.invitation")
                .description("From the participant's completed assessment to the invitation email accepted by the"
                        + " SMTP server, waiting-list time included")
                .serviceLevelObjectives(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(1),
                        Duration.ofMinutes(5), Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(6),
                        Duration.ofDays(1), Duration.ofDays(3), Duration.ofDays(7), Duration.ofDays(14))
                .register(registry);
        for (int i = 0; i < Math.max(1, config.delivery().workers()); i++) {
            workers.add(new WakeableWorker("mail-sender-" + i, config.delivery().pollInterval(),
                    config.delivery().pollInterval(), Duration.ZERO, LOG, this::sendDue));
        }
    }

    void start(@Observes StartupEvent event) {
        workers.forEach(WakeableWorker::start);
    }

    /** A transaction queued mail and committed: idle workers start on it now rather than at their next poll. */
    void onQueued(@Observes(during = TransactionPhase.AFTER_SUCCESS) MailQueued queued) {
        workers.forEach(WakeableWorker::wake);
    }

    /** One pass of a worker: up to a batch of due mail; true when the batch was full, so more may be due. */
    boolean sendDue() {
        for (int i = 0; i < config.delivery().batchSize(); i++) {
            if (stopping) {
                return false;
            }
            MailDelivery.Outcome outcome = delivery.deliverNext();
            switch (outcome.result()) {
                case NOTHING_DUE -> {
                    return false;
                }
                case SENT -> {
                    // counted after deliverNext's own transaction committed
                    sent.get(outcome.kind()).increment();
                    if (outcome.sinceCompletion() != null && !outcome.sinceCompletion().isNegative()) {
                        completionToInvitation.record(outcome.sinceCompletion());
                    }
                }
                case FAILED -> failed.get(outcome.kind()).increment();
                default -> {
                }
            }
        }
        return true;
    }

    /** No new email is started once the service is stopping; the ones being sent finish or roll back. */
    void stop(@Observes @Priority(1) ShutdownEvent event) throws InterruptedException {
        stopping = true;
        for (WakeableWorker worker : workers) {
            worker.stop();
        }
    }
}
