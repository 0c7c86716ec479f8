package dev.sparks.notification.messaging;

import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.events.MatchStatusChangedV1;
import dev.sparks.common.inbox.EventRoutes;
import dev.sparks.common.inbox.InboundEvents;
import dev.sparks.notification.domain.InvitationService;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Match events from matching-service. Each is applied once, in its own transaction with its inbox record; the
 * handlers only record what to send: no SMTP inside the transaction (the {@link MailSender} sends afterwards).
 */
@ApplicationScoped
public class MatchEventsConsumer {

    private static final Logger LOG = Logger.getLogger(MatchEventsConsumer.class);
    private static final long SHUTDOWN_WAIT_MILLIS = 15_000;

    private final InboundEvents inbound;
    private final EventRoutes routes;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;

    public MatchEventsConsumer(InboundEvents inbound, InvitationService invitations) {
        this.inbound = inbound;
        this.routes = EventRoutes.create()
                .on(MatchProposedV1.TYPE, MatchProposedV1.class,
                        (event, proposal) -> invitations.onMatchProposed(proposal))
                .on(MatchStatusChangedV1.TYPE, MatchStatusChangedV1.class,
                        (event, change) -> invitations.onMatchStatusChanged(change));
    }

    @Incoming("matches")
    @Blocking
    public void onMatchEvent(ConsumerRecord<String, byte[]> record) {
        if (stopping) {
            // Not applied and not acknowledged: the offset stays, and the next start (or replica) applies it.
            throw new IllegalStateException("shutting down: match event left for the next start");
        }
        inFlight.incrementAndGet();
        try {
            inbound.handle(record, routes);
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /**
     * Lets the event in hand finish before the database goes away, and takes no new one. Without this an event
     * arriving during shutdown fails for want of a database, counts as a poison message and is dead-lettered.
     */
    void stop(@Observes @Priority(1) ShutdownEvent event) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(SHUTDOWN_WAIT_MILLIS);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (inFlight.get() > 0) {
            LOG.warn("Shutting down while a match event is still being applied");
        }
    }
}
