package dev.sparks.assessment.domain;

import dev.sparks.assessment.messaging.ErasureEvents;
import dev.sparks.common.events.ParticipantErasedV1;
import dev.sparks.common.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Erases a participant's personal data here and, through {@code participant.erased.v1}, in every other service.
 *
 * <p>In one transaction: the participant row forgets name, email, login subject, external id and manager (id,
 * department and creation time stay, as anonymous counts); their assessments are deleted with answers, goals,
 * preferences (the free-text notes) and results; their events still waiting in the outbox are dropped; and the
 * erasure event is written. Scores are not kept: the assessment and participant ids travelled in events that named
 * the person, so a score kept under those ids could be linked back to them by anyone holding such an event.
 */
@ApplicationScoped
public class ParticipantErasure {

    private static final Logger LOG = Logger.getLogger(ParticipantErasure.class);

    private final ParticipantRepository participants;
    private final AssessmentRepository assessments;
    private final ErasureEvents events;

    public ParticipantErasure(ParticipantRepository participants, AssessmentRepository assessments,
            ErasureEvents events) {
        this.participants = participants;
        this.assessments = assessments;
        this.events = events;
    }

    /** What an erasure request came to. */
    public enum Outcome {
        /** Erased now; the event is in the outbox. */
        ERASED,
        /** Erased before; nothing changed and no second event was written. */
        ALREADY_ERASED
    }

    /**
     * Locks the participant row first, so a start or an HR import of the same person waits and then no longer finds
     * them. Assessments are deleted before the outbox is cleaned: a completion committing meanwhile holds its
     * assessment's lock, so its event is in the outbox by the time the cleaning statement runs.
     *
     * @throws ProblemException 404 for an id that never existed
     */
    @Transactional
    public Outcome erase(UUID participantId) {
        Participant participant = participants.findByIdOptional(participantId, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Participant", participantId));
        if (participant.isErased()) {
            return Outcome.ALREADY_ERASED;
        }
        List<String> digests = new ArrayList<>();
        for (String identifier : new String[] {participant.email(), participant.externalId()}) {
            if (identifier != null && !identifier.isBlank()) {
                digests.add(ParticipantErasedV1.digest(participantId, identifier));
            }
        }
        long deleted = assessments.deleteOf(participantId);
        int dropped = events.dropPending(participantId);
        Instant now = AssessmentService.now();
        participant.erase(now);
        participants.flush();
        events.erased(participantId, digests, now);
        LOG.infof("Participant %s erased: %d assessments deleted, %d pending events dropped", participantId,
                deleted, dropped);
        return Outcome.ERASED;
    }
}
