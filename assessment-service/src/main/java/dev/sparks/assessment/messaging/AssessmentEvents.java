package dev.sparks.assessment.messaging;

import dev.sparks.assessment.domain.Assessment;
import dev.sparks.assessment.domain.MatchPreferences;
import dev.sparks.assessment.domain.Participant;
import dev.sparks.assessment.domain.ResultSnapshot;
import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.outbox.OutboxWriter;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** The events this service emits, written to the outbox inside the caller's transaction. */
@ApplicationScoped
public class AssessmentEvents {

    private final OutboxWriter outbox;

    public AssessmentEvents(OutboxWriter outbox) {
        this.outbox = outbox;
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
