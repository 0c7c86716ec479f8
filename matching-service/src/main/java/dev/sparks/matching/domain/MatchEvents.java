package dev.sparks.matching.domain;

import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.events.MatchStatusChangedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.model.MatchStatus;
import dev.sparks.common.outbox.OutboxWriter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Map;

/** Writes match.proposed.v1 and match.status-changed.v1 to the outbox, in the transaction of the change. */
@Startup // its counters exist from the start, before the first event they count
@ApplicationScoped
public class MatchEvents {

    private final OutboxWriter outbox;
    private final AfterCommit afterCommit;
    private final Counter proposed;
    private final Map<MatchStatus, Counter> changed = new EnumMap<>(MatchStatus.class);

    public MatchEvents(OutboxWriter outbox, AfterCommit afterCommit, MeterRegistry registry) {
        this.outbox = outbox;
        this.afterCommit = afterCommit;
        this.proposed = Counter.builder("sparks.matches.proposed").description("Matches proposed")
                .register(registry);
        for (MatchStatus status : MatchStatus.values()) {
            if (status != MatchStatus.PROPOSED) {
                changed.put(status, Counter.builder("sparks.matches." + status.name().toLowerCase())
                        .description("Matches that became " + status).register(registry));
            }
        }
    }

    public void proposed(Match match, Participant participant, Mentor mentor) {
        outbox.write(Topics.MATCHES, match.id.toString(), MatchProposedV1.TYPE, match.id.toString(),
                new MatchProposedV1(match.id, participant.id, participant.name, participant.email, mentor.id,
                        mentor.name, mentor.email, mentor.bio, match.score.doubleValue(), match.explanation,
                        match.policyVersion, match.proposedAt, match.expiresAt, participant.completedAt));
        afterCommit.run(proposed::increment);
    }

    public void statusChanged(Match match, MatchStatus previous, Participant participant, Mentor mentor) {
        outbox.write(Topics.MATCHES, match.id.toString(), MatchStatusChangedV1.TYPE, match.id.toString(),
                new MatchStatusChangedV1(match.id, participant.id, participant.name, participant.email, mentor.id,
                        mentor.name, mentor.email, previous, match.status, match.statusReason,
                        match.statusChangedAt));
        Counter counter = changed.get(match.status);
        afterCommit.run(counter::increment);
    }
}
