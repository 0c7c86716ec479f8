package dev.sparks.matching.domain;

import dev.sparks.common.work.WakeableWorker;
import dev.sparks.matching.config.MatchingConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Matches waiting participants, oldest first, as soon as a mentor could take them: woken after a commit that
 * freed capacity or changed a mentor, and every {@link MatchingConfig#waitingListSweep()} anyway, in case a
 * wake-up was lost (a crash between commit and wake, or a change on another replica).
 *
 * <p>Each participant is tried in a transaction of their own that locks their waiting row with
 * {@code skip locked}, so replicas draining at once share the queue instead of queueing behind each other.
 */
@ApplicationScoped
public class WaitingListDrain {

    private static final Logger LOG = Logger.getLogger(WaitingListDrain.class);
    private static final long COALESCE_MILLIS = 1000;

    private final Instance<Matchmaker> matchmaker;
    private final MentorRepository mentors;
    private final ParticipantRepository participants;
    private final MatchRepository matches;
    private final PolicyRepository policies;
    private final WaitingListRepository waitingList;
    private final MatchingConfig config;
    private final AtomicLong waiting = new AtomicLong();
    private final WakeableWorker worker;

    /** The matchmaker is looked up lazily: it and the lifecycle that wakes this drain depend on each other. */
    public WaitingListDrain(Instance<Matchmaker> matchmaker, MentorRepository mentors,
            ParticipantRepository participants, MatchRepository matches, PolicyRepository policies,
            WaitingListRepository waitingList, MatchingConfig config, MeterRegistry registry) {
        this.matchmaker = matchmaker;
        this.mentors = mentors;
        this.participants = participants;
        this.matches = matches;
        this.policies = policies;
        this.waitingList = waitingList;
        this.config = config;
        Gauge.builder("sparks.waiting.list.size", waiting, AtomicLong::get)
                .description("Participants waiting for a mentor (not counting the manual queue)").register(registry);
        // wake-ups during a burst of mentor events or releases settle into one pass
        this.worker = new WakeableWorker("waiting-list-drain", config.waitingListSweep(), config.waitingListSweep(),
                Duration.ofMillis(COALESCE_MILLIS), LOG, () -> {
                    drain();
                    return false;
                });
    }

    void start(@Observes StartupEvent event) {
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        worker.stop();
    }

    public void wake() {
        worker.wake();
    }

    /**
     * One pass over the waiting list; returns how many participants were matched. The mentors are read once per
     * pass and every waiting participant is ranked against that snapshot in memory; only those some mentor could
     * take get a transaction, which decides again on fresh data under the capacity guard.
     */
    public int drain() {
        record Waiting(UUID id, ParticipantProfile profile, Set<UUID> declinedOrExpired) {
        }
        record Snapshot(List<Waiting> waiting, List<MentorCandidate> mentors, MatchingPolicy policy) {
        }
        Snapshot snapshot = QuarkusTransaction.requiringNew().call(() -> {
            waiting.set(waitingList.waitingCount());
            List<UUID> queue = waitingList.waitingOldestFirst(config.waitingListBatch());
            if (queue.isEmpty() || !mentors.anyFreeCapacity()) {
                return null;
            }
            Map<UUID, Participant> people = new HashMap<>();
            participants.list("id in ?1", queue).forEach(participant -> people.put(participant.id, participant));
            Map<UUID, Set<UUID>> declined = matches.declinedOrExpiredMentors(queue);
            List<Waiting> rows = new ArrayList<>();
            for (UUID id : queue) {
                Participant participant = people.get(id);
                if (participant != null) {
                    rows.add(new Waiting(id, participant.profile, declined.getOrDefault(id, Set.of())));
                }
            }
            // only mentors someone on the list could talk to: the language rule would drop the others anyway
            Set<String> languages = new java.util.TreeSet<>();
            rows.forEach(row -> languages.addAll(row.profile().languages()));
            return new Snapshot(rows, new ArrayList<>(mentors.candidates(LocalDate.now(ZoneOffset.UTC),
                    List.copyOf(languages))), policies.current().policy());
        });
        if (snapshot == null) {
            return 0;
        }
        Map<UUID, Integer> positions = new HashMap<>();
        for (int i = 0; i < snapshot.mentors().size(); i++) {
            positions.put(snapshot.mentors().get(i).mentorId(), i);
        }
        int matched = 0;
        for (Waiting participant : snapshot.waiting()) {
            if (!worker.isRunning()) {
                break;
            }
            if (!matchmaker.get().couldMatch(participant.profile(), snapshot.mentors(), snapshot.policy(),
                    participant.declinedOrExpired())) {
                continue;
            }
            try {
                Optional<Match> match = matchmaker.get().retryWaiting(participant.id());
                if (match.isPresent()) {
                    matched++;
                    // keep the snapshot roughly current so the next participants are not sent to a full mentor
                    Integer position = positions.get(match.get().mentorId);
                    if (position != null) {
                        MentorCandidate mentor = snapshot.mentors().get(position);
                        snapshot.mentors().set(position, mentor.withReserved(mentor.reserved() + 1));
                    }
                }
            } catch (RuntimeException e) {
                // a lost race (the participant matched elsewhere meanwhile) or a deadlock: the next pass retries
                LOG.debugf("Waiting participant %s not matched this pass: %s", participant.id(), e.toString());
            }
        }
        if (matched > 0) {
            LOG.infof("Matched %d waiting participant(s)", matched);
            waiting.set(QuarkusTransaction.requiringNew().call(waitingList::waitingCount));
        }
        return matched;
    }
}
