package dev.sparks.matching.domain;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Expires proposals and invitations past their expires-at. notification-service normally reports an expired
 * invitation first; this catches proposals that were never sent and events that never came.
 */
@ApplicationScoped
public class ExpirySweep {

    private static final Logger LOG = Logger.getLogger(ExpirySweep.class);

    private final MatchRepository matches;
    private final MatchLifecycle lifecycle;

    public ExpirySweep(MatchRepository matches, MatchLifecycle lifecycle) {
        this.matches = matches;
        this.lifecycle = lifecycle;
    }

    @Scheduled(every = "${sparks.matching.expiry-sweep:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        List<UUID> overdue = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                .call(() -> matches.overdue(Instant.now(), 500));
        for (UUID matchId : overdue) {
            try {
                lifecycle.expireIfOverdue(matchId);
            } catch (RuntimeException e) {
                // another replica or an answer got there first; the next sweep looks again
                LOG.debugf("Match %s not expired this sweep: %s", matchId, e.toString());
            }
        }
    }
}
