package dev.sparks.matching.domain;

import dev.sparks.common.events.ParticipantErasedV1;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * participant.erased.v1: matching forgets who the participant was and never matches them again.
 *
 * <p>In the event's transaction: the participant is recorded as erased (so a late assessment.completed.v1 or a
 * manual match cannot bring them back), their snapshot loses name, email, external id and assessment profile,
 * their open match is ENDED through the normal lifecycle (capacity released, match.status-changed.v1 written, now
 * without name and email; events about their matches still waiting in the outbox are dropped first, since they
 * carry name and email), the free text on their matches (decline and override reasons, status reasons naming
 * whoever acted) is replaced, they leave the waiting list and the cohort pool, and mentors' exclusions drop the
 * entries that named them. What stays are the anonymous facts: matches with mentor, status, score, explanation and
 * times. An erasure for a participant this service never saw only records them as erased
 * ({@link ParticipantRepository#isErased}).
 */
@ApplicationScoped
public class ParticipantErasures {

    private static final Logger LOG = Logger.getLogger(ParticipantErasures.class);
    static final String ERASED_REASON = "the participant's data was erased";

    private final EntityManager entityManager;
    private final ParticipantRepository participants;
    private final MatchRepository matches;
    private final MatchLifecycle lifecycle;
    private final WaitingListRepository waitingList;
    private final CohortPool cohortPool;

    public ParticipantErasures(EntityManager entityManager, ParticipantRepository participants,
            MatchRepository matches, MatchLifecycle lifecycle, WaitingListRepository waitingList,
            CohortPool cohortPool) {
        this.entityManager = entityManager;
        this.participants = participants;
        this.matches = matches;
        this.lifecycle = lifecycle;
        this.waitingList = waitingList;
        this.cohortPool = cohortPool;
    }

    @Transactional
    public void onErased(ParticipantErasedV1 event) {
        UUID id = event.participantId();
        if (id == null) {
            throw new IllegalArgumentException("participant.erased.v1 without a participantId");
        }
        entityManager.createNativeQuery("insert into erased_participant (participant_id, erased_at)"
                        + " values (?1, ?2) on conflict (participant_id) do nothing")
                .setParameter(1, id)
                .setParameter(2, event.erasedAt() == null ? Instant.now() : event.erasedAt())
                .executeUpdate();
        int exclusions = dropFromExclusions(event);
        // Locked like a completion locks it, so an assessment being applied right now finishes first.
        Participant participant = participants.findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE).orElse(null);
        if (participant != null) {
            participant.name = null;
            participant.email = null;
            participant.externalId = null;
            participant.profile = ParticipantProfile.erased(id);
            participant.updatedAt = Instant.now();
            participants.flush();
            // Events about their matches that have not left yet carry name and email: dropped, not delivered late.
            entityManager.createNativeQuery("delete from outbox_event where message_key in"
                            + " (select cast(id as varchar) from match where participant_id = ?1)")
                    .setParameter(1, id)
                    .executeUpdate();
            // Ended after the snapshot is anonymous, so the status event names nobody.
            matches.holdingFor(id).ifPresent(open -> lifecycle.endForErasure(open.id, ERASED_REASON));
            entityManager.createNativeQuery("update match set decline_reason = null, status_reason = ?2,"
                            + " override_reason = case when override_reason is null then null"
                            + " else 'erased with the participant' end where participant_id = ?1")
                    .setParameter(1, id)
                    .setParameter(2, ERASED_REASON)
                    .executeUpdate();
        }
        waitingList.leave(id);
        cohortPool.leave(id);
        LOG.infof("Participant %s erased%s; %d mentor exclusion lists changed", id,
                participant == null ? " (never seen here)" : "", exclusions);
    }

    /**
     * Mentors may exclude participants by email or external id; entries whose digest the event carries are the
     * erased participant's. This is matching's copy: mentor-service removes them at the source and publishes the
     * new profile, which replaces this one.
     */
    private int dropFromExclusions(ParticipantErasedV1 event) {
        if (event.identifierDigests().isEmpty()) {
            return 0;
        }
        String digestOf = "encode(sha256(convert_to(?1 || ':' || lower(btrim(e)), 'UTF8')), 'hex')";
        return entityManager.createNativeQuery("update mentor set exclusions = array(select e from unnest(exclusions) e"
                        + " where " + digestOf + " <> all (string_to_array(?2, ',')))"
                        + " where exists (select 1 from unnest(exclusions) e where " + digestOf
                        + " = any (string_to_array(?2, ',')))")
                .setParameter(1, event.participantId().toString())
                .setParameter(2, String.join(",", event.identifierDigests()))
                .executeUpdate();
    }
}
