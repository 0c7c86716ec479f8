package dev.sparks.notification.domain;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * The invitation's clocks: the one reminder and the expiry. Both run on every replica; row locks
 * ({@code skip locked}) and the unique (match, kind) key make each effect happen once.
 */
@ApplicationScoped
public class InvitationDeadlines {

    private static final Logger LOG = Logger.getLogger(InvitationDeadlines.class);

    private final InvitationService invitations;
    private volatile boolean stopping;

    public InvitationDeadlines(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Scheduled(identity = "invitation-reminders", every = "${sparks.notification.invitation.poll-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void remind() {
        if (stopping) {
            return;
        }
        int queued = invitations.queueReminders();
        if (queued > 0) {
            LOG.infof("Queued %d reminder(s)", queued);
        }
    }

    @Scheduled(identity = "invitation-expiry", every = "${sparks.notification.invitation.poll-interval:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        if (stopping) {
            return;
        }
        int expired;
        do {
            expired = invitations.expireOverdue();
            if (expired > 0) {
                LOG.infof("Expired %d invitation(s)", expired);
            }
        } while (expired > 0 && !stopping);
    }

    void stop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
    }
}
