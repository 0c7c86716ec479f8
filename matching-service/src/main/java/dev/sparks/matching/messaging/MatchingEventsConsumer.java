package dev.sparks.matching.messaging;

import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.events.AssessmentStartedV1;
import dev.sparks.common.events.InvitationExpiredV1;
import dev.sparks.common.events.InvitationRespondedV1;
import dev.sparks.common.events.InvitationSentV1;
import dev.sparks.common.events.MentorProfileChangedV1;
import dev.sparks.common.events.ParticipantErasedV1;
import dev.sparks.common.events.ParticipantRegisteredV1;
import dev.sparks.common.inbox.EventRoutes;
import dev.sparks.common.inbox.InboundEvents;
import dev.sparks.matching.domain.Matchmaker;
import dev.sparks.matching.domain.MatchLifecycle;
import dev.sparks.matching.domain.MentorDirectory;
import dev.sparks.matching.domain.ParticipantErasures;
import dev.sparks.matching.report.ProgramRegister;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * The inbound streams. Each event is applied once, in its own transaction with its inbox record
 * (see {@link InboundEvents}); event types not routed here are skipped.
 */
@ApplicationScoped
public class MatchingEventsConsumer {

    private final InboundEvents inbound;
    private final EventRoutes assessments;
    private final EventRoutes mentors;
    private final EventRoutes invitations;
    private final EventRoutes participants;

    public MatchingEventsConsumer(InboundEvents inbound, Matchmaker matchmaker, MentorDirectory directory,
            MatchLifecycle lifecycle, ProgramRegister register, ParticipantErasures erasures) {
        this.inbound = inbound;
        this.assessments = EventRoutes.create()
                .on(AssessmentStartedV1.TYPE, AssessmentStartedV1.class,
                        (event, payload) -> register.started(payload, event.time()))
                .on(AssessmentCompletedV1.TYPE, AssessmentCompletedV1.class, (event, payload) -> {
                    register.completed(payload);
                    matchmaker.onCompleted(payload);
                });
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
        this.participants = EventRoutes.create()
                .on(ParticipantRegisteredV1.TYPE, ParticipantRegisteredV1.class,
                        (event, payload) -> register.registered(payload, event.time()))
                .on(ParticipantErasedV1.TYPE, ParticipantErasedV1.class, (event, payload) -> {
                    erasures.onErased(payload);
                    register.erased(payload.participantId());
                });
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
    }

    @Incoming("participants")
    @Blocking
    public void onParticipantEvent(ConsumerRecord<String, byte[]> record) {
        inbound.handle(record, participants);
    }
}
