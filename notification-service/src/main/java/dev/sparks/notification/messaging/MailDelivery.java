package dev.sparks.notification.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.sparks.common.events.EventJson;
import dev.sparks.common.events.InvitationSentV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.outbox.OutboxWriter;
import dev.sparks.common.tracing.EventTracing;
import dev.sparks.notification.config.NotificationConfig;
import dev.sparks.notification.domain.Invitation;
import dev.sparks.notification.domain.InvitationLinks;
import dev.sparks.notification.domain.InvitationRepository;
import dev.sparks.notification.domain.MailDetails;
import dev.sparks.notification.domain.Notification;
import dev.sparks.notification.domain.NotificationKind;
import dev.sparks.notification.domain.NotificationRepository;
import dev.sparks.notification.domain.NotificationStatus;
import dev.sparks.notification.domain.RetryBackoff;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Sends one due email in three steps, none of which holds a database transaction open while the SMTP server is
 * spoken to:
 * <ol>
 * <li>claim: in a short transaction, the next due row ({@code for update skip locked}, so each email is in one
 * sender's hands) is composed and its next attempt moved a lease ahead ({@code claim-lease}), so no other sender or
 * replica takes it meanwhile;
 * <li>send, with no transaction;
 * <li>record: in a second short transaction, SENT with invitation.sent.v1 in the outbox, or the failed attempt.
 * While the database cannot take it (restarting, unreachable), the outcome is kept and recorded again until the
 * lease runs out: the email is not sent a second time because the database was away during or after the send.
 * </ol>
 *
 * <p>The one duplicate this allows: the server accepted the mail and the sender died (or the database stayed away
 * longer than the lease) before the outcome was recorded. The email then goes out again after the lease, with the
 * same Message-ID, so downstream can recognise it.
 */
@ApplicationScoped
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class);
    private static final Duration RECORD_RETRY_MIN = Duration.ofMillis(500);
    private static final Duration RECORD_RETRY_MAX = Duration.ofSeconds(5);

    /** What one call did, for the sender's loop and metrics (counted after the commit). */
    public enum Result {
        NOTHING_DUE,
        SENT,
        RETRY_LATER,
        FAILED,
        CANCELLED
    }

    /**
     * @param sinceCompletion for a sent invitation: the time from the participant's completed assessment to the
     *     SMTP server's acceptance, when the proposal said when that was; else null
     */
    public record Outcome(Result result, NotificationKind kind, Duration sinceCompletion) {
        Outcome(Result result, NotificationKind kind) {
            this(result, kind, null);
        }
    }

    /** A claimed email: composed and held for this sender until {@code leaseEnds}; null mail when not sendable. */
    private record Claim(UUID notificationId, UUID matchId, NotificationKind kind, String traceParent, Mail mail,
            Instant leaseEnds, Outcome settled) {
    }

    private final NotificationRepository notifications;
    private final InvitationRepository invitations;
    private final InvitationLinks links;
    private final MailComposer composer;
    private final ReactiveMailer mailer;
    private final OutboxWriter outbox;
    private final EventJson json;
    private final NotificationConfig config;
    private final RetryBackoff backoff;
    private final EventTracing tracing;
    private volatile boolean stopping;

    public MailDelivery(NotificationRepository notifications, InvitationRepository invitations, InvitationLinks links,
            MailComposer composer, ReactiveMailer mailer, OutboxWriter outbox, EventJson json,
            NotificationConfig config, EventTracing tracing) {
        this.tracing = tracing;
        this.notifications = notifications;
        this.invitations = invitations;
        this.links = links;
        this.composer = composer;
        this.mailer = mailer;
        this.outbox = outbox;
        this.json = json;
        this.config = config;
        this.backoff = new RetryBackoff(config.delivery().initialBackoff(), config.delivery().maxBackoff());
    }

    /** Claims, sends and records the next due email; NOTHING_DUE when none is due. */
    public Outcome deliverNext() {
        Claim claim = QuarkusTransaction.requiringNew().call(this::claimNext);
        if (claim == null) {
            return new Outcome(Result.NOTHING_DUE, null);
        }
        if (claim.settled() != null) {
            return claim.settled();
        }
        // continues the trace of the event that queued the email, so one trace runs from completion to this mail
        Span span = tracing.startContinuing("send " + claim.kind() + " email", claim.traceParent());
        span.setAttribute("sparks.notification.id", claim.notificationId().toString());
        span.setAttribute("sparks.match.id", claim.matchId().toString());
        try (Scope scope = span.makeCurrent()) {
            Instant attemptAt = Instant.now();
            String failure = send(claim.mail());
            Outcome outcome = record(claim, failure, attemptAt, Instant.now());
            span.setAttribute("sparks.delivery.result", outcome.result().name());
            if (failure != null) {
                span.setStatus(StatusCode.ERROR, failure);
            }
            return outcome;
        } finally {
            span.end();
        }
    }

    /** No outcome is retried into a shutdown: the lease runs out and the email is sent again after the restart. */
    void stop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }

    /** Step 1, in its own transaction: the next due email, composed and leased to this sender; null if none. */
    private Claim claimNext() {
        Optional<Notification> due = notifications.claimNextDue(Instant.now());
        if (due.isEmpty()) {
            return null;
        }
        Notification notification = due.get();
        Invitation invitation = notification.invitationId == null ? null
                : invitations.findById(notification.invitationId);
        if (notification.kind.needsOpenInvitation() && (invitation == null || !invitation.status.isOpen())) {
            notification.cancel();
            return settled(notification, new Outcome(Result.CANCELLED, notification.kind));
        }
        MailDetails details = read(notification);
        Mail mail;
        try {
            String token = notification.kind.needsOpenInvitation() ? links.issue(invitation.id, notification.id)
                    : null;
            mail = composer.compose(notification, details, token);
        } catch (RuntimeException e) {
            return settled(notification, failed(notification, describe(e), Instant.now()));
        }
        Instant leaseEnds = Instant.now().plus(config.delivery().claimLease());
        notification.nextAttemptAt = leaseEnds;
        return new Claim(notification.id, notification.matchId, notification.kind, notification.traceParent, mail,
                leaseEnds, null);
    }

    private static Claim settled(Notification notification, Outcome outcome) {
        return new Claim(notification.id, notification.matchId, notification.kind, notification.traceParent, null,
                null, outcome);
    }

    /** Step 2, outside any transaction: null when the server accepted the mail, else why not. */
    private String send(Mail mail) {
        try {
            mailer.send(mail).await().atMost(config.delivery().sendTimeout());
            return null;
        } catch (RuntimeException e) {
            return describe(e);
        }
    }

    /**
     * Step 3: the outcome in a transaction of its own, tried again while the database cannot take it and this
     * sender still holds the email (its lease has not run out, the service is not stopping).
     */
    private Outcome record(Claim claim, String failure, Instant attemptAt, Instant sentAt) {
        long pause = RECORD_RETRY_MIN.toMillis();
        while (true) {
            try {
                return QuarkusTransaction.requiringNew().call(() -> recordNow(claim, failure, attemptAt, sentAt));
            } catch (RuntimeException e) {
                if (stopping || Instant.now().plusMillis(pause).isAfter(claim.leaseEnds())) {
                    LOG.errorf("Outcome of %s %s (%s) not recorded before its lease ran out: %s", claim.kind(),
                            claim.notificationId(), failure == null ? "sent" : "failed", e.toString());
                    throw e;
                }
                LOG.warnf("Outcome of %s %s (%s) not recorded yet, retrying in %d ms: %s", claim.kind(),
                        claim.notificationId(), failure == null ? "sent" : "failed", pause, e.toString());
                sleep(pause);
                pause = Math.min(pause * 2, RECORD_RETRY_MAX.toMillis());
            }
        }
    }

    private Outcome recordNow(Claim claim, String failure, Instant attemptAt, Instant sentAt) {
        Notification notification = notifications.findById(claim.notificationId());
        if (notification == null) {
            return new Outcome(Result.CANCELLED, claim.kind());
        }
        if (failure != null) {
            if (notification.status != NotificationStatus.PENDING) {
                // cancelled (the invitation closed, the participant was erased) while this attempt failed
                return new Outcome(Result.CANCELLED, notification.kind);
            }
            return failed(notification, failure, attemptAt);
        }
        // sent: recorded whatever happened to the row meanwhile, since the mail is out
        notification.markSent(sentAt);
        if (notification.kind == NotificationKind.INVITATION) {
            Invitation invitation = invitations.findById(notification.invitationId);
            outbox.write(Topics.INVITATIONS, invitation.matchId.toString(), InvitationSentV1.TYPE,
                    invitation.matchId.toString(), new InvitationSentV1(invitation.id, invitation.matchId,
                            invitation.participantId, notification.messageId, sentAt, invitation.expiresAt));
            if (invitation.assessmentCompletedAt != null) {
                return new Outcome(Result.SENT, notification.kind,
                        Duration.between(invitation.assessmentCompletedAt, sentAt));
            }
        }
        return new Outcome(Result.SENT, notification.kind);
    }

    private Outcome failed(Notification notification, String failure, Instant attemptAt) {
        notification.recordFailure(failure, attemptAt, config.delivery().maxAttempts(), backoff,
                ThreadLocalRandom.current().nextDouble());
        if (notification.status == NotificationStatus.FAILED) {
            LOG.errorf("Gave up on %s %s to %s after %d attempts: %s", notification.kind, notification.id,
                    notification.recipientEmail, notification.attempts, notification.lastError);
            return new Outcome(Result.FAILED, notification.kind);
        }
        LOG.warnf("%s %s not sent (attempt %d), next try at %s: %s", notification.kind, notification.id,
                notification.attempts, notification.nextAttemptAt, notification.lastError);
        return new Outcome(Result.RETRY_LATER, notification.kind);
    }

    private MailDetails read(Notification notification) {
        try {
            return json.mapper().readValue(notification.details, MailDetails.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification " + notification.id + " has unreadable details", e);
        }
    }

    private static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording an email's outcome", e);
        }
    }
}
