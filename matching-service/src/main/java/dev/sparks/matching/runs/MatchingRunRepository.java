package dev.sparks.matching.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The runs. State changes are conditional updates on the current state, so a run that the stale check failed
 * (its replica stopped reporting) is not brought back by a late worker, and the partial unique index
 * {@code matching_run_one_active} lets at most one run be PENDING or RUNNING across all replicas.
 */
@ApplicationScoped
public class MatchingRunRepository implements PanacheRepositoryBase<MatchingRun, UUID> {

    private final ObjectMapper json;

    public MatchingRunRepository(ObjectMapper json) {
        this.json = json;
    }

    /** Inserts a PENDING run unless one is already PENDING or RUNNING; false then. */
    public boolean insertIfNoneActive(UUID id, RunObjective objective, Integer threshold, boolean dryRun,
            String requestedBy) {
        return getEntityManager().createNativeQuery("insert into matching_run (id, state, objective, threshold,"
                        + " dry_run, requested_by, requested_at, heartbeat_at) values (?1, 'PENDING', ?2, ?3, ?4, ?5,"
                        + " now(), now()) on conflict do nothing")
                .setParameter(1, id)
                .setParameter(2, objective.wire())
                .setParameter(3, threshold)
                .setParameter(4, dryRun)
                .setParameter(5, requestedBy)
                .executeUpdate() == 1;
    }

    public Optional<MatchingRun> active() {
        return find("state in ?1", List.of(MatchingRun.State.PENDING, MatchingRun.State.RUNNING))
                .firstResultOptional();
    }

    public boolean start(UUID id) {
        return getEntityManager().createNativeQuery("update matching_run set state = 'RUNNING', phase = 'LOADING',"
                        + " started_at = now(), heartbeat_at = now() where id = ?1 and state = 'PENDING'")
                .setParameter(1, id).executeUpdate() == 1;
    }

    public void progress(UUID id, MatchingRun.Phase phase, int done, int total) {
        getEntityManager().createNativeQuery("update matching_run set phase = ?2, progress_done = ?3,"
                        + " progress_total = ?4, heartbeat_at = now() where id = ?1 and state = 'RUNNING'")
                .setParameter(1, id).setParameter(2, phase.name()).setParameter(3, done).setParameter(4, total)
                .executeUpdate();
    }

    public void report(UUID id, RunReport report) {
        getEntityManager().createNativeQuery("update matching_run set report = cast(?2 as jsonb), heartbeat_at = now()"
                        + " where id = ?1 and state = 'RUNNING'")
                .setParameter(1, id).setParameter(2, toJson(report)).executeUpdate();
    }

    /** RUNNING -> SUCCEEDED or PREVIEWED with the final report. */
    public void finish(UUID id, MatchingRun.State state, RunReport report) {
        getEntityManager().createNativeQuery("update matching_run set state = ?2, phase = null, report = cast(?3 as jsonb),"
                        + " finished_at = now(), heartbeat_at = now() where id = ?1 and state = 'RUNNING'")
                .setParameter(1, id).setParameter(2, state.name()).setParameter(3, toJson(report)).executeUpdate();
    }

    public void fail(UUID id, String error) {
        getEntityManager().createNativeQuery("update matching_run set state = 'FAILED', error = ?2,"
                        + " finished_at = now() where id = ?1 and state in ('PENDING', 'RUNNING')")
                .setParameter(1, id).setParameter(2, error).executeUpdate();
    }

    /** The worker is alive: keeps its runs from being failed as stale. */
    public void heartbeat(Collection<UUID> ids) {
        if (!ids.isEmpty()) {
            getEntityManager().createNativeQuery("update matching_run set heartbeat_at = now()"
                            + " where id in (?1) and state in ('PENDING', 'RUNNING')")
                    .setParameter(1, ids).executeUpdate();
        }
    }

    /** Fails active runs whose replica stopped reporting (crashed or was stopped mid-run). */
    public int failStale(Duration after) {
        return getEntityManager().createNativeQuery("update matching_run set state = 'FAILED', finished_at = now(),"
                        + " error = 'The replica executing the run stopped reporting; matches committed before that"
                        + " stand, everyone else is still in the pool.' where state in ('PENDING', 'RUNNING')"
                        + " and heartbeat_at < now() - make_interval(secs => ?1)")
                .setParameter(1, (double) after.toSeconds()).executeUpdate();
    }

    public List<MatchingRun> page(int offset, int limit) {
        return findAll(Sort.descending("requestedAt").and("id")).range(offset, offset + limit - 1).list();
    }

    private String toJson(RunReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the run report", e);
        }
    }
}
