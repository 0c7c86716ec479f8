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
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Sends one due email per transaction. The row stays locked ({@code for update skip locked}) while the SMTP server
 * is spoken to, so no other replica can send it at the same time, and it is marked SENT, with invitation.sent.v1
 * in the outbox, in the same transaction right after the server accepted it.
 *
 * <p>The one duplicate this allows: the server accepted the mail and the process died (or the database went away)
 * before that commit. The mail is then sent again with the same Message-ID, so downstream can recognise it. The
 * window is a single commit of a few milliseconds; nothing else runs between the SMTP acceptance and the commit.
 */
@ApplicationScoped
public class MailDelivery {

    private static final Logger LOG = Logger.getLogger(MailDelivery.class);

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

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TransactionConfiguration(timeout = 300)
    public Outcome deliverNext() {
        Optional<Notification> claimed = notifications.claimNextDue(Instant.now());
        if (claimed.isEmpty()) {
            return new Outcome(Result.NOTHING_DUE, null);
        }
        Notification notification = claimed.get();
        // continues the trace of the event that queued the email, so one trace runs from completion to this mail
        Span span = tracing.startContinuing("send " + notification.kind + " email", notification.traceParent);
        span.setAttribute("sparks.notification.id", notification.id.toString());
        span.setAttribute("sparks.match.id", notification.matchId.toString());
        try (Scope scope = span.makeCurrent()) {
            Outcome outcome = deliver(notification);
            span.setAttribute("sparks.delivery.result", outcome.result().name());
            if (outcome.result() == Result.RETRY_LATER || outcome.result() == Result.FAILED) {
                span.setStatus(StatusCode.ERROR, notification.lastError);
            }
            return outcome;
        } finally {
            span.end();
        }
    }

    private Outcome deliver(Notification notification) {
        Invitation invitation = notification.invitationId == null ? null
                : invitations.findById(notification.invitationId);
        if (notification.kind.needsOpenInvitation() && (invitation == null || !invitation.status.isOpen())) {
            notification.cancel();
            return new Outcome(Result.CANCELLED, notification.kind);
        }
        MailDetails details = read(notification);
        Instant attemptAt = Instant.now();
        try {
            String token = notification.kind.needsOpenInvitation() ? links.issue(invitation.id, notification.id)
                    : null;
            Mail mail = composer.compose(notification, details, token);
            mailer.send(mail).await().atMost(config.delivery().sendTimeout());
        } catch (RuntimeException e) {
            notification.recordFailure(describe(e), attemptAt, config.delivery().maxAttempts(), backoff,
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
        Instant sentAt = Instant.now();
        notification.markSent(sentAt);
        if (notification.kind == NotificationKind.INVITATION) {
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
        String message = root.getMessage() == null ? root.getClass().getSimpleName()
                : root.getClass().getSimpleName() + ": " + root.getMessage();
        return message;
    }
}
