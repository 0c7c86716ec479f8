package dev.sparks.notification.messaging;

import dev.sparks.common.events.ParticipantErasedV1;
import dev.sparks.common.inbox.EventRoutes;
import dev.sparks.common.inbox.InboundEvents;
import dev.sparks.notification.domain.ParticipantErasure;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Participant events from assessment-service: an erasure. Other participant event types are skipped. */
@ApplicationScoped
public class ParticipantEventsConsumer {

    private final InboundEvents inbound;
    private final EventRoutes routes;

    public ParticipantEventsConsumer(InboundEvents inbound, ParticipantErasure erasure) {
        this.inbound = inbound;
        this.routes = EventRoutes.create()
                .on(ParticipantErasedV1.TYPE, ParticipantErasedV1.class, (event, erased) -> erasure.onErased(erased));
    }

    @Incoming("participants")
    @Blocking
    public void onParticipantEvent(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, routes);
    }
}
