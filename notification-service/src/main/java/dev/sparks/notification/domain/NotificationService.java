package dev.sparks.notification.domain;

import dev.sparks.common.api.Page;
import dev.sparks.common.api.PageRequest;
import dev.sparks.common.problem.ProblemException;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;

/** What an admin may do with the mail log: look, and resend what was given up on. */
@ApplicationScoped
public class NotificationService {

    private final NotificationRepository notifications;

    public NotificationService(NotificationRepository notifications) {
        this.notifications = notifications;
    }

    @Transactional
    public Page<Notification> search(NotificationRepository.Filter filter, PageRequest paging) {
        PanacheQuery<Notification> query = notifications.search(filter, paging.page, paging.size);
        return new Page<>(query.list(), paging.page, paging.size, query.count());
    }

    /**
     * Puts a FAILED email back in the queue for a fresh series of attempts, with the same Message-ID. Anything
     * else is refused: a PENDING one is already queued, a SENT one was delivered, a CANCELLED one is obsolete.
     */
    @Transactional
    public Notification resend(UUID id) {
        Notification notification = notifications.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Notification", id));
        if (notification.status != NotificationStatus.FAILED) {
            throw ProblemException.conflict("Only a FAILED notification can be resent; this one is "
                    + notification.status);
        }
        notification.requeue(Instant.now());
        return notification;
    }
}
