package dev.sparks.mentor.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Brings paused mentors back once their pause has ended, so the feed says so too. Reads count an ended pause as
 * accepting already; this stores it and announces it.
 */
@ApplicationScoped
public class PauseExpiry {

    private static final Logger LOG = Logger.getLogger(PauseExpiry.class);

    private final MentorProfiles profiles;

    public PauseExpiry(MentorProfiles profiles) {
        this.profiles = profiles;
    }

    @Scheduled(every = "${sparks.mentor.pause-check}", delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void resumeEnded() {
        int resumed = profiles.resumeExpiredPauses(profiles.today());
        if (resumed > 0) {
            LOG.infof("%d paused mentors are accepting again", resumed);
        }
    }
}
