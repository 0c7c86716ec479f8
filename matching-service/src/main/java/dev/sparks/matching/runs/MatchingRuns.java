package dev.sparks.matching.runs;

import dev.sparks.common.api.Page;
import dev.sparks.common.api.PageRequest;
import dev.sparks.common.problem.ProblemException;
import dev.sparks.matching.domain.AfterCommit;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Starting and reading cohort matching runs; the work itself is {@link CohortRunner}'s. */
@ApplicationScoped
public class MatchingRuns {

    private final MatchingRunRepository runs;
    private final CohortRunner runner;
    private final AfterCommit afterCommit;

    public MatchingRuns(MatchingRunRepository runs, CohortRunner runner, AfterCommit afterCommit) {
        this.runs = runs;
        this.runner = runner;
        this.afterCommit = afterCommit;
    }

    /**
     * Records a PENDING run and hands it to the worker once committed; 409 while another run is PENDING or RUNNING
     * (on any replica: the database's partial unique index decides).
     */
    @Transactional
    public MatchingRun start(RunObjective objective, Integer threshold, boolean dryRun, String requestedBy) {
        UUID id = UUID.randomUUID();
        if (!runs.insertIfNoneActive(id, objective, threshold, dryRun, requestedBy)) {
            String active = runs.active().map(run -> " (" + run.id + ", " + run.state + ")").orElse("");
            throw ProblemException.conflict("A matching run is already pending or running" + active
                    + "; runs never overlap, start this one when it has finished");
        }
        afterCommit.run(() -> runner.launch(id));
        return runs.findById(id);
    }

    @Transactional
    public MatchingRun get(UUID id) {
        return runs.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Matching run", id));
    }

    @Transactional
    public Page<MatchingRun> page(PageRequest paging) {
        return new Page<>(runs.page(paging.offset(), paging.size), paging.page, paging.size, runs.count());
    }
}
