package dev.sparks.matching.domain;

import dev.sparks.common.events.InvitationExpiredV1;
import dev.sparks.common.events.InvitationRespondedV1;
import dev.sparks.common.events.InvitationSentV1;
import dev.sparks.common.model.MatchStatus;
import dev.sparks.common.problem.ProblemException;
import dev.sparks.matching.config.MatchingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Moves matches through their life ({@link MatchTransitions}) from the API, from notification-service's events and
 * from the expiry sweep. Each change writes match.status-changed.v1; leaving a capacity-holding status gives the
 * unit back; a decline or an expiry proposes the next-best mentor at once, except after
 * {@link MatchingConfig#maxDeclines()} declines, when the participant waits for a program-admin.
 *
 * <p>The API answers an illegal change with 409. An event that no longer fits (an answer to a match that was
 * already declined in the front-end, or an event about another environment's match) is logged and skipped: it
 * is a fact about the past, and dead-lettering it would help no one.
 */
@ApplicationScoped
public class MatchLifecycle {

    private static final Logger LOG = Logger.getLogger(MatchLifecycle.class);

    private final MatchRepository matches;
    private final ParticipantRepository participants;
    private final MentorRepository mentors;
    private final WaitingListRepository waitingList;
    private final Matchmaker matchmaker;
    private final MatchEvents events;
    private final AfterCommit afterCommit;
    private final WaitingListDrain drain;
    private final MatchingConfig config;

    public MatchLifecycle(MatchRepository matches, ParticipantRepository participants, MentorRepository mentors,
            WaitingListRepository waitingList, Matchmaker matchmaker, MatchEvents events, AfterCommit afterCommit,
            WaitingListDrain drain, MatchingConfig config) {
        this.matches = matches;
        this.participants = participants;
        this.mentors = mentors;
        this.waitingList = waitingList;
        this.matchmaker = matchmaker;
        this.events = events;
        this.afterCommit = afterCommit;
        this.drain = drain;
        this.config = config;
    }

    // ---------------------------------------------------------------- API

    @Transactional
    public Match accept(UUID matchId, Actor actor) {
        Match match = visible(matchId, actor);
        Participant participant = participants.findById(match.participantId);
        if (!actor.admin() && !actor.isParticipantOf(participant)) {
            throw ProblemException.forbidden("Only the participant or a program-admin can accept a match");
        }
        return change(match, MatchStatus.ACCEPTED, "accepted by " + actor.name(), null, true);
    }

    @Transactional
    public Match decline(UUID matchId, String reason, Actor actor) {
        Match match = visible(matchId, actor);
        Participant participant = participants.findById(match.participantId);
        if (!actor.admin() && !actor.isParticipantOf(participant)) {
            throw ProblemException.forbidden("Only the participant or a program-admin can decline a match");
        }
        return change(match, MatchStatus.DECLINED, "declined by " + actor.name(), reason, true);
    }

    @Transactional
    public Match end(UUID matchId, String reason, Actor actor) {
        Match match = visible(matchId, actor);
        String why = "ended by " + actor.name() + (reason == null || reason.isBlank() ? "" : ": " + reason.strip());
        return change(match, MatchStatus.ENDED, why, null, true);
    }

    /** The match if the actor may see it; 404 otherwise, so ids of other people's matches reveal nothing. */
    @Transactional
    public Match visible(UUID matchId, Actor actor) {
        Match match = matches.findByIdOptional(matchId).orElseThrow(() -> ProblemException.notFound("Match", matchId));
        if (actor.readsAll()) {
            return match;
        }
        if (actor.isParticipantOf(participants.findById(match.participantId))
                || actor.isMentorOf(mentors.findById(match.mentorId))) {
            return match;
        }
        throw ProblemException.notFound("Match", matchId);
    }

    // ---------------------------------------------------------------- events from notification-service

    @Transactional
    public void onInvitationSent(InvitationSentV1 event) {
        Match match = known(event.matchId());
        if (match == null || !expected(match, MatchStatus.INVITED, InvitationSentV1.TYPE)) {
            return;
        }
        match.invitedAt = event.sentAt();
        if (event.expiresAt() != null) {
            match.expiresAt = event.expiresAt();
        }
        change(match, MatchStatus.INVITED, "invitation sent", null, false);
    }

    @Transactional
    public void onInvitationResponded(InvitationRespondedV1 event) {
        Match match = known(event.matchId());
        MatchStatus target = event.answer() == InvitationRespondedV1.Answer.ACCEPTED
                ? MatchStatus.ACCEPTED : MatchStatus.DECLINED;
        if (match == null || !expected(match, target, InvitationRespondedV1.TYPE)) {
            return;
        }
        String why = target == MatchStatus.ACCEPTED ? "accepted from the invitation" : "declined from the invitation";
        change(match, target, why, target == MatchStatus.DECLINED ? event.reason() : null, false);
        if (event.respondedAt() != null) {
            // when the participant answered, not when the event arrived: the program report measures time to it
            match.respondedAt = event.respondedAt();
        }
    }

    @Transactional
    public void onInvitationExpired(InvitationExpiredV1 event) {
        Match match = known(event.matchId());
        if (match == null || !expected(match, MatchStatus.EXPIRED, InvitationExpiredV1.TYPE)) {
            return;
        }
        change(match, MatchStatus.EXPIRED, "the invitation expired", null, false);
    }

    /** The participant's data was erased: their open match ends and the mentor's capacity comes back. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endForErasure(UUID matchId, String reason) {
        Match match = matches.findById(matchId);
        if (match != null && MatchTransitions.allowed(match.status, MatchStatus.ENDED)) {
            change(match, MatchStatus.ENDED, reason, null, false);
        }
    }

    /** A proposal or invitation nobody answered in time (the sweep's safety net for a lost expiry event). */
    @Transactional
    public void expireIfOverdue(UUID matchId) {
        Match match = matches.findById(matchId);
        if (match != null && match.status.isOpen() && match.expiresAt.isBefore(Instant.now())) {
            change(match, MatchStatus.EXPIRED, "no answer before " + match.expiresAt, null, false);
        }
    }

    // ---------------------------------------------------------------- the change itself

    private Match change(Match match, MatchStatus target, String reason, String declineReason, boolean fromApi) {
        MatchStatus previous = match.status;
        if (!MatchTransitions.allowed(previous, target)) {
            throw ProblemException.conflict("Match " + match.id + " is " + previous + " and cannot become " + target);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        match.status = target;
        match.statusChangedAt = now;
        match.statusReason = reason;
        switch (target) {
            case ACCEPTED, DECLINED -> match.respondedAt = now;
            case ENDED -> match.endedAt = now;
            default -> {
            }
        }
        if (declineReason != null && !declineReason.isBlank()) {
            match.declineReason = declineReason.strip();
        }
        // Flushed now: the next proposal inserts a new open match, which the one-open-match index allows only
        // once this one has left its open status.
        matches.flush();
        Participant participant = participants.findById(match.participantId);
        Mentor mentor = mentors.findById(match.mentorId);
        events.statusChanged(match, previous, participant, mentor);
        if (MatchTransitions.releasesCapacity(previous, target)) {
            mentors.release(match.mentorId);
            afterCommit.run(drain::wake);
        }
        if (target == MatchStatus.DECLINED || target == MatchStatus.EXPIRED) {
            proposeNext(participant, target);
        }
        LOG.infof("Match %s: %s -> %s (%s)%s", match.id, previous, target, reason, fromApi ? " via the API" : "");
        return match;
    }

    private void proposeNext(Participant participant, MatchStatus after) {
        long declines = matches.declines(participant.id);
        if (after == MatchStatus.DECLINED && declines >= config.maxDeclines()) {
            waitingList.enter(participant.id, WaitingEntry.Status.MANUAL, "Declined " + declines
                    + " proposed mentors; a program-admin matches this participant by hand.");
            return;
        }
        matchmaker.propose(participant);
    }

    private Match known(UUID matchId) {
        Match match = matchId == null ? null : matches.findById(matchId);
        if (match == null) {
            LOG.debugf("Invitation event for match %s, which this service does not hold; skipped", matchId);
        }
        return match;
    }

    private static boolean expected(Match match, MatchStatus target, String eventType) {
        if (MatchTransitions.allowed(match.status, target)) {
            return true;
        }
        LOG.infof("%s for match %s, which is already %s; skipped", eventType, match.id, match.status);
        return false;
    }
}
