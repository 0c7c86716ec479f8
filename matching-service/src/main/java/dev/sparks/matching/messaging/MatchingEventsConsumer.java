package dev.sparks.matching.messaging;

import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.events.InvitationExpiredV1;
import dev.sparks.common.events.InvitationRespondedV1;
import dev.sparks.common.events.InvitationSentV1;
import dev.sparks.common.events.MentorProfileChangedV1;
import dev.sparks.common.inbox.EventRoutes;
import dev.sparks.common.inbox.InboundEvents;
import dev.sparks.matching.domain.Matchmaker;
import dev.sparks.matching.domain.MatchLifecycle;
import dev.sparks.matching.domain.MentorDirectory;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The three inbound streams. Each event is applied once, in its own transaction with its inbox record
 * (see {@link InboundEvents}); event types not routed here are skipped.
 */
@ApplicationScoped
public class MatchingEventsConsumer {

    private final InboundEvents inbound;
    private final EventRoutes assessments;
    private final EventRoutes mentors;
    private final EventRoutes invitations;

    public MatchingEventsConsumer(InboundEvents inbound, Matchmaker matchmaker, MentorDirectory directory,
            MatchLifecycle lifecycle) {
        this.inbound = inbound;
        this.assessments = EventRoutes.create()
                .on(AssessmentCompletedV1.TYPE, AssessmentCompletedV1.class,
                        (event, payload) -> matchmaker.onCompleted(payload));
        this.mentors = EventRoutes.create()
                .on(MentorProfileChangedV1.TYPE, MentorProfileChangedV1.class,
                        (event, payload) -> directory.apply(payload));
        this.invitations = EventRoutes.create()
                .on(InvitationSentV1.TYPE, InvitationSentV1.class,
                        (event, payload) -> lifecycle.onInvitationSent(payload))
                .on(InvitationRespondedV1.TYPE, InvitationRespondedV1.class,
                        (event, payload) -> lifecycle.onInvitationResponded(payload))
                .on(InvitationExpiredV1.TYPE, InvitationExpiredV1.class,
                        (event, payload) -> lifecycle.onInvitationExpired(payload));
    }

    @Incoming("assessments")
    @Blocking
    public void onAssessmentEvent(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, assessments);
    }

    @Incoming("mentors")
    @Blocking
    public void onMentorEvent(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, mentors);
    }

    @Incoming("invitations")
    @Blocking
    public void onInvitationEvent(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, invitations);
    }}
