package dev.sparks.notification.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dev.sparks.common.events.EventJson;
import dev.sparks.common.events.InvitationExpiredV1;
import dev.sparks.common.events.InvitationRespondedV1;
import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.events.MatchStatusChangedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.outbox.OutboxWriter;
import dev.sparks.common.tracing.EventTracing;
import dev.sparks.notification.config.NotificationConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The invitation's life: created from a proposal, answered through a link (or closed by the match's new status),
 * reminded once, expired on time. Every change and the event it causes commit together.
 */
@ApplicationScoped
public class InvitationService {

    private static final Logger LOG = Logger.getLogger(InvitationService.class);

    /** What an attempt to answer came to. */
    public enum AnswerResult {
        /** This answer was recorded now. */
        RECORDED,
        /** The same answer was recorded before; nothing changed. */
        ALREADY_GIVEN,
        /** The invitation was closed otherwise before (the other answer, or withdrawn); nothing changed. */
        ALREADY_CLOSED,
        EXPIRED,
        /** No such link: unknown, tampered or malformed token. */
        UNKNOWN
    }

    public record AnswerOutcome(AnswerResult result, Invitation invitation) {
    }

    private final InvitationRepository invitations;
    private final NotificationRepository notifications;
    private final OutboxWriter outbox;
    private final EventJson json;
    private final NotificationConfig config;
    private final EventTracing tracing;
    private final ErasedParticipants erasures;
    private final Event<MailQueued> mailQueued;

    public InvitationService(InvitationRepository invitations, NotificationRepository notifications,
            OutboxWriter outbox, EventJson json, NotificationConfig config, EventTracing tracing,
            ErasedParticipants erasures, Event<MailQueued> mailQueued) {
        this.mailQueued = mailQueued;
        this.tracing = tracing;
        this.erasures = erasures;
        this.invitations = invitations;
        this.notifications = notifications;
        this.outbox = outbox;
        this.json = json;
        this.config = config;
    }

    /** match.proposed.v1: the invitation and the two emails it starts with, once per match whatever is redelivered. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onMatchProposed(MatchProposedV1 proposal) {
        if (erasures.isErased(proposal.participantId())) {
            // proposed before the erasure, delivered after it: no invitation, no email, nothing stored
            LOG.infof("Proposal %s for an erased participant; skipped", proposal.matchId());
            return;
        }
        if (invitations.findByMatch(proposal.matchId()).isPresent()) {
            LOG.debugf("Match %s already has its invitation", proposal.matchId());
            return;
        }
        Instant now = Instant.now();
        Instant expiresAt = now.plus(config.invitation().validity());
        if (proposal.expiresAt() != null && proposal.expiresAt().isBefore(expiresAt)) {
            expiresAt = proposal.expiresAt();
        }
        List<String> reasons = proposal.explanation() == null || proposal.explanation().reasons() == null
                ? List.of() : List.copyOf(proposal.explanation().reasons());

        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.matchId = proposal.matchId();
        invitation.participantId = proposal.participantId();
        invitation.participantName = proposal.participantName();
        invitation.participantEmail = normalise(proposal.participantEmail());
        invitation.mentorId = proposal.mentorId();
        invitation.mentorName = proposal.mentorName();
        invitation.mentorEmail = normalise(proposal.mentorEmail());
        invitation.mentorBio = proposal.mentorBio();
        invitation.reasons = write(reasons);
        invitation.status = InvitationStatus.OPEN;
        invitation.createdAt = now;
        invitation.expiresAt = expiresAt;
        invitation.assessmentCompletedAt = proposal.assessmentCompletedAt();
        invitations.persist(invitation);

        String details = write(detailsOf(invitation));
        queue(invitation.matchId, invitation.id, invitation.participantId, NotificationKind.INVITATION,
                invitation.participantEmail, invitation.participantName, details, now);
        queue(invitation.matchId, invitation.id, invitation.participantId, NotificationKind.MENTOR_NOTICE,
                invitation.mentorEmail, invitation.mentorName, details, now);
    }

    /**
     * match.status-changed.v1: however the match was answered, the invitation closes (so its links show the outcome
     * and reminders stop); an acceptance introduces participant and mentor to each other.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void onMatchStatusChanged(MatchStatusChangedV1 change) {
        if (change.status() == null || change.status().isOpen() || erasures.isErased(change.participantId())) {
            // an erased participant's invitations were closed and their mail cancelled by the erasure itself
            return;
        }
        Instant now = Instant.now();
        Optional<Invitation> found = invitations.findByMatch(change.matchId());
        found.filter(invitation -> invitation.status.isOpen()).ifPresent(invitation -> {
            InvitationStatus outcome = switch (change.status()) {
                case ACCEPTED -> InvitationStatus.ACCEPTED;
                case DECLINED -> InvitationStatus.DECLINED;
                case EXPIRED -> InvitationStatus.EXPIRED;
                default -> InvitationStatus.WITHDRAWN;
            };
            invitation.close(outcome, ClosedBy.MATCH, now);
            if (outcome == InvitationStatus.DECLINED) {
                invitation.declineReason = change.reason();
            }
        });
        notifications.cancelPendingInvitationMail(change.matchId());
        if (change.status() == dev.sparks.common.model.MatchStatus.ACCEPTED) {
            MailDetails details = found.map(this::detailsOf).orElseGet(() -> new MailDetails(change.participantName(),
                    normalise(change.participantEmail()), change.mentorName(), normalise(change.mentorEmail()), null,
                    List.of(), null));
            UUID invitationId = found.map(invitation -> invitation.id).orElse(null);
            String written = write(details);
            queue(change.matchId(), invitationId, change.participantId(), NotificationKind.INTRODUCTION_PARTICIPANT,
                    details.participantEmail(), details.participantName(), written, now);
            queue(change.matchId(), invitationId, change.participantId(), NotificationKind.INTRODUCTION_MENTOR,
                    details.mentorEmail(), details.mentorName(), written, now);
        }
    }

    /** The participant's answer through a link. Only the first answer counts; repeats change and emit nothing. */
    @Transactional
    public AnswerOutcome answer(String token, InvitationRespondedV1.Answer answer, String reason) {
        if (!InvitationToken.wellFormed(token)) {
            return new AnswerOutcome(AnswerResult.UNKNOWN, null);
        }
        Optional<Invitation> found = invitations.lockByTokenHash(InvitationToken.hash(token));
        if (found.isEmpty()) {
            return new AnswerOutcome(AnswerResult.UNKNOWN, null);
        }
        Invitation invitation = found.get();
        Instant now = Instant.now();
        if (invitation.overdueAt(now)) {
            expire(invitation, now);
            return new AnswerOutcome(AnswerResult.EXPIRED, invitation);
        }
        if (invitation.status == InvitationStatus.EXPIRED) {
            return new AnswerOutcome(AnswerResult.EXPIRED, invitation);
        }
        InvitationStatus wanted = answer == InvitationRespondedV1.Answer.ACCEPTED
                ? InvitationStatus.ACCEPTED : InvitationStatus.DECLINED;
        if (!invitation.status.isOpen()) {
            return new AnswerOutcome(invitation.status == wanted ? AnswerResult.ALREADY_GIVEN
                    : AnswerResult.ALREADY_CLOSED, invitation);
        }
        invitation.close(wanted, ClosedBy.EMAIL, now);
        String cleanReason = answer == InvitationRespondedV1.Answer.DECLINED && reason != null && !reason.isBlank()
                ? reason.strip() : null;
        invitation.declineReason = cleanReason;
        notifications.cancelPendingInvitationMail(invitation.matchId);
        outbox.write(Topics.INVITATIONS, invitation.matchId.toString(), InvitationRespondedV1.TYPE,
                invitation.matchId.toString(), new InvitationRespondedV1(invitation.id, invitation.matchId,
                        invitation.participantId, answer, cleanReason, now));
        return new AnswerOutcome(AnswerResult.RECORDED, invitation);
    }

    /** The invitation behind a link, read only: a GET never changes anything (mail scanners follow links). */
    @Transactional
    public Optional<Invitation> findByToken(String token) {
        if (!InvitationToken.wellFormed(token)) {
            return Optional.empty();
        }
        return invitations.findByTokenHash(InvitationToken.hash(token));
    }

    /** Expires up to one batch of overdue invitations; safe to run on every replica at once. */
    @Transactional
    public int expireOverdue() {
        Instant now = Instant.now();
        List<Invitation> overdue = invitations.claimOverdue(now, config.invitation().batchSize());
        overdue.forEach(invitation -> expire(invitation, now));
        return overdue.size();
    }

    /** Queues the one reminder for each invitation left unanswered long enough; safe on every replica at once. */
    @Transactional
    public int queueReminders() {
        Instant now = Instant.now();
        return notifications.queueReminders(now, now.minus(config.invitation().reminderAfter()),
                config.messageIdDomain());
    }

    public List<String> reasonsOf(Invitation invitation) {
        try {
            return json.mapper().readValue(invitation.reasons, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("invitation " + invitation.id + " has unreadable reasons", e);
        }
    }

    private void expire(Invitation invitation, Instant now) {
        invitation.close(InvitationStatus.EXPIRED, ClosedBy.EXPIRY, now);
        notifications.cancelPendingInvitationMail(invitation.matchId);
        outbox.write(Topics.INVITATIONS, invitation.matchId.toString(), InvitationExpiredV1.TYPE,
                invitation.matchId.toString(), new InvitationExpiredV1(invitation.id, invitation.matchId,
                        invitation.participantId, now));
    }

    private MailDetails detailsOf(Invitation invitation) {
        return new MailDetails(invitation.participantName, invitation.participantEmail, invitation.mentorName,
                invitation.mentorEmail, invitation.mentorBio, reasonsOf(invitation), invitation.expiresAt);
    }

    private void queue(UUID matchId, UUID invitationId, UUID participantId, NotificationKind kind, String email,
            String name, String details, Instant now) {
        if (email == null || notifications.findByMatchAndKind(matchId, kind).isPresent()) {
            return;
        }
        Notification notification = Notification.queue(matchId, invitationId, kind, email, name, details,
                config.messageIdDomain(), now);
        notification.participantId = participantId;
        // the email is sent later by the mail sender, which continues this (the event handler's) trace
        notification.traceParent = tracing.currentTraceParent();
        notifications.persist(notification);
        mailQueued.fire(new MailQueued(notification.id));
    }

    private String write(Object value) {
        try {
            return json.write(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    private static String normalise(String email) {
        return email == null ? null : email.trim().toLowerCase(Locale.ROOT);
    }
}
