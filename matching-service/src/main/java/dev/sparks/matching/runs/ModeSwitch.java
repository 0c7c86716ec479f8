package dev.sparks.matching.runs;

import dev.sparks.common.problem.Problem;
import dev.sparks.common.problem.ProblemException;
import dev.sparks.matching.domain.AfterCommit;
import dev.sparks.matching.domain.CohortPool;
import dev.sparks.matching.domain.ProgramMode;
import dev.sparks.matching.domain.ProgramSettings;
import dev.sparks.matching.domain.ProgramSettingsRepository;
import dev.sparks.matching.domain.WaitingListDrain;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The program's matching mode. Switching to cohort mode moves the waiting list (WAITING only; the manual queue
 * stays with the admins) into the cohort pool, so the first-come drain no longer takes them; switching back moves
 * the pool to the waiting list, where the drain matches them. Both keep everyone's place in the queue.
 */
@ApplicationScoped
public class ModeSwitch {

    private static final Logger LOG = Logger.getLogger(ModeSwitch.class);

    private final ProgramSettingsRepository settings;
    private final CohortPool pool;
    private final WaitingListDrain drain;
    private final AfterCommit afterCommit;

    public ModeSwitch(ProgramSettingsRepository settings, CohortPool pool, WaitingListDrain drain,
            AfterCommit afterCommit) {
        this.settings = settings;
        this.pool = pool;
        this.drain = drain;
        this.afterCommit = afterCommit;
    }

    @Transactional
    public ProgramSettings current() {
        return settings.current();
    }

    /**
     * @param nextRunAt when the scheduler starts a run; only in cohort mode
     * @param objective {@code best-score} (default) or {@code most-participation} for the scheduled run
     * @param threshold 0-100 for a best-score scheduled run; 0 (the policy's minimum applies anyway) when absent
     */
    @Transactional
    public ProgramSettings change(ProgramMode mode, Instant nextRunAt, String objective, Integer threshold,
            String changedBy) {
        String scheduledObjective = objective == null ? RunObjective.BEST_SCORE.wire() : objective;
        if (RunObjective.of(scheduledObjective).isEmpty()) {
            throw ProblemException.invalid("objective", "must be best-score or most-participation");
        }
        if (mode == ProgramMode.IMMEDIATE && nextRunAt != null) {
            throw ProblemException.unprocessable("A scheduled run needs cohort mode",
                    List.of(new Problem.FieldError("nextRunAt", "only in COHORT mode")));
        }
        ProgramSettings before = settings.lockForUpdate();
        if (before.mode() != mode) {
            if (mode == ProgramMode.COHORT) {
                LOG.infof("Cohort mode: %d waiting participant(s) joined the cohort pool", pool.takeWaitingList());
            } else {
                LOG.infof("Immediate mode: %d participant(s) moved from the cohort pool to the waiting list",
                        pool.releaseToWaitingList());
                afterCommit.run(drain::wake);
            }
        }
        settings.save(mode, nextRunAt, scheduledObjective, threshold == null ? 0 : threshold, changedBy);
        return settings.current();
    }
}
