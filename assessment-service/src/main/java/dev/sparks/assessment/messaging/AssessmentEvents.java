package dev.sparks.assessment.messaging;

import dev.sparks.assessment.domain.Assessment;
import dev.sparks.assessment.domain.MatchPreferences;
import dev.sparks.assessment.domain.Participant;
import dev.sparks.assessment.domain.ResultSnapshot;
import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.events.AssessmentStartedV1;
import dev.sparks.common.events.ParticipantRegisteredV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The events this service emits, written to the outbox inside the caller's transaction. */
@ApplicationScoped
public class AssessmentEvents {

    private final OutboxWriter outbox;

    public AssessmentEvents(OutboxWriter outbox) {
        this.outbox = outbox;
    }

    /**
     * {@code participant.registered.v1}: the participant became known, or HR changed their department. Keyed by
     * participant id on sparks.participants; no name or email.
     */
    public UUID registered(Participant participant) {
        return outbox.write(Topics.PARTICIPANTS, participant.id().toString(), ParticipantRegisteredV1.TYPE,
                participant.id().toString(), registration(participant));
    }

    /** {@link #registered} for many participants at once (an HR import), in one multi-row insert. */
    public List<UUID> registered(List<Participant> participants) {
        return outbox.writeAll(participants.stream()
                .map(participant -> new OutboxWriter.Outgoing(Topics.PARTICIPANTS, participant.id().toString(),
                        ParticipantRegisteredV1.TYPE, participant.id().toString(), registration(participant)))
                .toList());
    }

    private static ParticipantRegisteredV1 registration(Participant participant) {
        return new ParticipantRegisteredV1(participant.id(), participant.department(), participant.createdAt());
    }

    /**
     * {@code assessment.started.v1}, keyed by participant id like the completion, so it reaches consumers first.
     */
    public UUID started(Assessment assessment, Participant participant) {
        return outbox.write(Topics.ASSESSMENTS, participant.id().toString(), AssessmentStartedV1.TYPE,
                assessment.id().toString(), new AssessmentStartedV1(assessment.id(), participant.id(),
                        participant.department(), assessment.instrumentVersion(), assessment.startedAt()));
    }

    /** {@code assessment.completed.v1}, keyed by participant id so one person's assessments stay in order. */
    public UUID completed(Assessment assessment, Participant participant) {
        ResultSnapshot result = assessment.result();
        MatchPreferences preferences = assessment.preferences();
        AssessmentCompletedV1 event = new AssessmentCompletedV1(
                assessment.id(),
                participant.id(),
                participant.externalId(),
                participant.name(),
                participant.email(),
                assessment.instrumentVersion(),
                result.scores(),
                result.archetype().name(),
                result.growthAreas(),
                assessment.goals(),
                new AssessmentCompletedV1.Preferences(preferences.field(), preferences.languages(),
                        preferences.timeZone(), preferences.notes()),
                assessment.completedAt());
        return outbox.write(Topics.ASSESSMENTS, participant.id().toString(), AssessmentCompletedV1.TYPE,
                assessment.id().toString(), event);
    }
}
