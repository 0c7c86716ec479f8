package dev.sparks.notification.messaging;

import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.events.MatchStatusChangedV1;
import dev.sparks.common.inbox.EventRoutes;
import dev.sparks.common.inbox.InboundEvents;
import dev.sparks.notification.domain.InvitationService;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Match events from matching-service. Each is applied once, in its own transaction with its inbox record; the
 * handlers only record what to send: no SMTP inside the transaction (the {@link MailSender} sends afterwards).
 */
@ApplicationScoped
public class MatchEventsConsumer {

    private final InboundEvents inbound;
    private final EventRoutes routes;

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
        inbound.handle(record, routes);
    }
}
