package dev.sparks.matching.runs;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One cohort matching run: a job that assigns the whole pool at once. Its state, phase and progress are written
 * by the replica executing it, each in a short transaction of its own, so the run can be read while it works.
 */
@Entity
@Table(name = "matching_run")
public class MatchingRun {

    @Schema(name = "MatchingRunState")
    public enum State {
        /** Accepted, not yet picked up by the worker. */
        PENDING,
        RUNNING,
        /** Done: the matches were created. */
        SUCCEEDED,
        /** A dry run is done: the report shows what a run would do; nothing was created. */
        PREVIEWED,
        FAILED;

        public boolean active() {
            return this == PENDING || this == RUNNING;
        }
    }

    @Schema(name = "MatchingRunPhase")
    public enum Phase {
        LOADING,
        SOLVING,
        COMMITTING
    }

    @Id
    public UUID id;

    @Enumerated(EnumType.STRING)
    public State state;

    @Enumerated(EnumType.STRING)
    public Phase phase;

    public String objective;

    public Integer threshold;

    @Column(name = "dry_run")
    public boolean dryRun;

    @Column(name = "requested_by")
    public String requestedBy;

    @Column(name = "requested_at")
    public Instant requestedAt;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Column(name = "heartbeat_at")
    public Instant heartbeatAt;

    @Column(name = "progress_done")
    public int progressDone;

    @Column(name = "progress_total")
    public int progressTotal;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(columnDefinition = "jsonb")
    public RunReport report;

    public String error;
}
