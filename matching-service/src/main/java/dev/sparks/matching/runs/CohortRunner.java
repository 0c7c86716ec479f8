package dev.sparks.matching.runs;

import dev.sparks.common.model.MatchStatus;
import dev.sparks.matching.cohort.CohortAssignment;
import dev.sparks.matching.cohort.CohortObjective;
import dev.sparks.matching.cohort.CohortSolver;
import dev.sparks.matching.cohort.GreedyFirstCome;
import dev.sparks.matching.config.MatchingConfig;
import dev.sparks.matching.domain.CohortPool;
import dev.sparks.matching.domain.MatchRepository;
import dev.sparks.matching.domain.MatchingPolicy;
import dev.sparks.matching.domain.Matchmaker;
import dev.sparks.matching.domain.MentorCandidate;
import dev.sparks.matching.domain.MentorRepository;
import dev.sparks.matching.domain.Participant;
import dev.sparks.matching.domain.ParticipantRepository;
import dev.sparks.matching.domain.PolicyRepository;
import dev.sparks.matching.domain.ProgramMode;
import dev.sparks.matching.domain.ProgramSettings;
import dev.sparks.matching.domain.ProgramSettingsRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Executes cohort runs on a worker thread of this replica, never in the request: load the pool and the mentors
 * with room, solve exactly ({@link CohortSolver}), compare with greedy first-come on the same instance, then
 * commit the assignment in batches through the normal proposal path (capacity reservation, match,
 * match.proposed.v1 in the outbox, all in the batch's transaction).
 *
 * <p>The database decides again at commit: a participant who left the pool or got a match meanwhile, or whose
 * mentor's room was taken meanwhile, is skipped and stays in the pool for the next run. Also starts due scheduled
 * runs and fails runs whose replica stopped reporting.
 */
@ApplicationScoped
public class CohortRunner {

    private static final Logger LOG = Logger.getLogger(CohortRunner.class);
    private static final int IN_LIST = 1000;

    private final MatchingRunRepository runs;
    private final CohortPool pool;
    private final ParticipantRepository participants;
    private final MentorRepository mentors;
    private final MatchRepository matches;
    private final PolicyRepository policies;
    private final Matchmaker matchmaker;
    private final ProgramSettingsRepository settings;
    private final MatchingConfig config;
    private final Set<UUID> executing = ConcurrentHashMap.newKeySet();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "cohort-run");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean running = true;

    public CohortRunner(MatchingRunRepository runs, CohortPool pool, ParticipantRepository participants,
            MentorRepository mentors, MatchRepository matches, PolicyRepository policies, Matchmaker matchmaker,
            ProgramSettingsRepository settings, MatchingConfig config) {
        this.runs = runs;
        this.pool = pool;
        this.participants = participants;
        this.mentors = mentors;
        this.matches = matches;
        this.policies = policies;
        this.matchmaker = matchmaker;
        this.settings = settings;
        this.config = config;
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        worker.shutdown();
        worker.awaitTermination(30, TimeUnit.SECONDS);
    }

    /** Executes a PENDING run (committed) on the worker thread. */
    public void launch(UUID runId) {
        executing.add(runId);
        worker.execute(() -> {
            try {
                execute(runId);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Matching run %s failed", runId);
                QuarkusTransaction.requiringNew().run(() -> runs.fail(runId, "The run failed: " + e.getMessage()));
            } finally {
                executing.remove(runId);
            }
        });
    }

    /** Keeps this replica's runs alive, fails stale ones, and starts a scheduled run when it is due. */
    @Scheduled(every = "${sparks.matching.run-check:10s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        QuarkusTransaction.requiringNew().run(() -> {
            runs.heartbeat(Set.copyOf(executing));
            int stale = runs.failStale(config.runStaleAfter());
            if (stale > 0) {
                LOG.warnf("Failed %d matching run(s) whose replica stopped reporting", stale);
            }
        });
        ProgramSettings current = QuarkusTransaction.requiringNew().call(settings::current);
        if (!isDue(current)) {
            return;
        }
        UUID due = QuarkusTransaction.requiringNew().call(this::startDueRun);
        if (due != null) {
            LOG.infof("Starting scheduled matching run %s", due);
            launch(due);
        }
    }

    /** Under the settings row lock, so two replicas never both start the same scheduled run. */
    private UUID startDueRun() {
        ProgramSettings current = settings.lockForUpdate();
        if (!isDue(current)) {
            return null;
        }
        UUID id = UUID.randomUUID();
        RunObjective objective = RunObjective.of(current.objective()).orElse(RunObjective.BEST_SCORE);
        if (!runs.insertIfNoneActive(id, objective, current.threshold(), false, "scheduler")) {
            return null; // a run is active; the next check tries again
        }
        settings.clearNextRun();
        return id;
    }

    private static boolean isDue(ProgramSettings current) {
        return current.mode() == ProgramMode.COHORT && current.nextRunAt() != null
                && !current.nextRunAt().isAfter(Instant.now());
    }

    private record Loaded(CohortProblem problem, MatchingPolicy policy) {
    }

    private void execute(UUID runId) {
        MatchingRun run = QuarkusTransaction.requiringNew().call(() -> runs.start(runId) ? runs.findById(runId) : null);
        if (run == null) {
            return;
        }
        RunObjective objective = RunObjective.of(run.objective).orElseThrow();
        Loaded loaded = QuarkusTransaction.requiringNew().call(this::load);
        CohortProblem problem = loaded.problem();
        MatchingPolicy policy = loaded.policy();
        int minimum = policy.minimumScore();
        int thresholdTenths = 10 * (objective == RunObjective.BEST_SCORE
                ? Math.max(minimum, run.threshold == null ? 0 : run.threshold) : minimum);
        QuarkusTransaction.requiringNew().run(() -> runs.progress(runId, MatchingRun.Phase.SOLVING, 0,
                problem.participantCount()));

        CohortObjective solverObjective = objective.toSolver(thresholdTenths);
        CohortAssignment optimal = new CohortSolver().solve(problem.instance(), solverObjective);
        CohortAssignment greedy = GreedyFirstCome.assign(problem.instance(), solverObjective);
        RunReport report = RunReport.of(problem, thresholdTenths, policy.version(), optimal, greedy);
        LOG.infof("Matching run %s solved: %s; greedy matched %d, total %d", runId, optimal, greedy.matchedCount(),
                greedy.totalWeight());
        if (run.dryRun) {
            QuarkusTransaction.requiringNew().run(() -> runs.finish(runId, MatchingRun.State.PREVIEWED, report));
            return;
        }

        List<int[]> assigned = new ArrayList<>();
        List<UUID> unassigned = new ArrayList<>();
        for (int i = 0; i < problem.participantCount(); i++) {
            int mentor = optimal.mentorOf(i);
            if (mentor == CohortAssignment.UNMATCHED) {
                unassigned.add(problem.participant(i));
            } else {
                assigned.add(new int[] {i, mentor});
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            runs.report(runId, report);
            runs.progress(runId, MatchingRun.Phase.COMMITTING, 0, assigned.size());
        });
        String chosenBy = "cohort run " + runId;
        int created = 0;
        int done = 0;
        for (int from = 0; from < assigned.size(); from += config.runBatchSize()) {
            if (!running) {
                QuarkusTransaction.requiringNew().run(() -> runs.fail(runId, "Stopped by a shutdown while committing;"
                        + " matches committed before that stand, everyone else is still in the pool."));
                return;
            }
            List<int[]> batch = assigned.subList(from, Math.min(assigned.size(), from + config.runBatchSize()));
            created += commit(problem, batch, policy, chosenBy);
            done += batch.size();
            int progress = done;
            QuarkusTransaction.requiringNew().run(() -> runs.progress(runId, MatchingRun.Phase.COMMITTING, progress,
                    assigned.size()));
        }
        int skipped = assigned.size() - created;
        QuarkusTransaction.requiringNew().run(() -> pool.recordOutcome(unassigned, runId, "Not matched by run "
                + runId + ": no mentor with room and a score of at least " + thresholdTenths / 10.0
                + " was left for them in the best assignment."));
        RunReport committed = report.committed(created, skipped);
        QuarkusTransaction.requiringNew().run(() -> runs.finish(runId, MatchingRun.State.SUCCEEDED, committed));
        LOG.infof("Matching run %s committed %d match(es), skipped %d", runId, created, skipped);
    }

    private Loaded load() {
        List<UUID> ids = pool.oldestFirst();
        Map<UUID, Participant> people = new HashMap<>();
        Map<UUID, Set<UUID>> declined = new HashMap<>();
        Set<UUID> holding = new HashSet<>();
        for (int from = 0; from < ids.size(); from += IN_LIST) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST));
            participants.list("id in ?1", chunk).forEach(participant -> people.put(participant.id, participant));
            declined.putAll(matches.declinedOrExpiredMentors(chunk));
            holding.addAll(matches.getEntityManager().createQuery("select m.participantId from Match m"
                            + " where m.participantId in ?1 and m.status in ?2", UUID.class)
                    .setParameter(1, chunk)
                    .setParameter(2, List.of(MatchStatus.PROPOSED, MatchStatus.INVITED, MatchStatus.ACCEPTED))
                    .getResultList());
        }
        List<CohortProblem.Person> persons = new ArrayList<>(ids.size());
        Set<String> languages = new TreeSet<>();
        for (UUID id : ids) {
            Participant participant = people.get(id);
            if (participant != null && !holding.contains(id)) {
                persons.add(new CohortProblem.Person(id, participant.profile, declined.getOrDefault(id, Set.of())));
                languages.addAll(participant.profile.languages());
            }
        }
        List<MentorCandidate> candidates = languages.isEmpty() ? List.of()
                : mentors.candidates(LocalDate.now(ZoneOffset.UTC), List.copyOf(languages));
        MatchingPolicy policy = policies.current().policy();
        return new Loaded(CohortProblem.of(persons, candidates, policy, matchmaker.scorer()), policy);
    }

    /**
     * Commits one batch in one transaction; if the batch fails (e.g. a deadlock with an immediate decision), each
     * pair is retried in a transaction of its own. Returns how many matches were created.
     */
    private int commit(CohortProblem problem, List<int[]> batch, MatchingPolicy policy, String chosenBy) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                int created = 0;
                for (int[] pair : batch) {
                    if (commitOne(problem, pair, policy, chosenBy)) {
                        created++;
                    }
                }
                return created;
            });
        } catch (RuntimeException batchFailed) {
            LOG.debugf("A batch of matching run commits failed, retrying one by one: %s", batchFailed.toString());
            int created = 0;
            for (int[] pair : batch) {
                try {
                    if (QuarkusTransaction.requiringNew().call(() -> commitOne(problem, pair, policy, chosenBy))) {
                        created++;
                    }
                } catch (RuntimeException e) {
                    LOG.debugf("Participant %s not committed: %s", problem.participant(pair[0]), e.toString());
                }
            }
            return created;
        }
    }

    private boolean commitOne(CohortProblem problem, int[] pair, MatchingPolicy policy, String chosenBy) {
        UUID participantId = problem.participant(pair[0]);
        UUID mentorId = problem.mentor(pair[1]).mentorId();
        if (!pool.lock(participantId)) {
            return false;
        }
        if (matches.holdingFor(participantId).isPresent()) {
            pool.leave(participantId);
            return false;
        }
        if (!mentors.reserve(mentorId)) {
            return false;
        }
        matchmaker.proposeChosen(participants.findById(participantId), mentors.findById(mentorId), policy,
                chosenBy);
        return true;
    }
}
