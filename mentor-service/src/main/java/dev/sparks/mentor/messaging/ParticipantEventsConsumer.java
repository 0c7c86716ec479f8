package dev.sparks.mentor.messaging;

import dev.sparks.common.events.ParticipantErasedV1;
import dev.sparks.common.inbox.EventRoutes;
import dev.sparks.common.inbox.InboundEvents;
import dev.sparks.mentor.domain.MentorProfiles;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Participant events from assessment-service. Mentors refer to participants only in their exclusions (by email or
 * external id), so an erasure removes the participant from them; other participant event types are skipped. Applied
 * once, in its own transaction with its inbox record (see {@link InboundEvents}).
 */
@ApplicationScoped
public class ParticipantEventsConsumer {

    private static final Logger LOG = Logger.getLogger(ParticipantEventsConsumer.class);

    private final InboundEvents inbound;
    private final EventRoutes routes;

    public ParticipantEventsConsumer(InboundEvents inbound, MentorProfiles profiles) {
        this.inbound = inbound;
        this.routes = EventRoutes.create()
                .on(ParticipantErasedV1.TYPE, ParticipantErasedV1.class, (event, erased) -> {
                    int changed = profiles.forgetErasedParticipant(erased);
                    LOG.infof("Participant %s erased: removed from the exclusions of %d mentors",
                            erased.participantId(), changed);
                });
    }

    @Incoming("participants")
    @Blocking
    public void onParticipantEvent(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, routes);
    }
}
