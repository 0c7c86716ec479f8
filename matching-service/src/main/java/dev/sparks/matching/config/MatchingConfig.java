package dev.sparks.matching.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How matching behaves at run time; the scoring weights are not here but in the versioned matching policy. */
@ConfigMapping(prefix = "sparks.matching")
public interface MatchingConfig {

    /** How long a proposal holds the mentor's capacity without an answer before it expires. */
    @WithDefault("P7D")
    Duration proposalTtl();

    /** Declines after which a participant goes to the manual queue instead of getting another proposal. */
    @WithDefault("3")
    int maxDeclines();

    /**
     * How long decisions share one read of all mentors ({@code MentorSnapshot}) before the next reads them again;
     * a profile change applied here refreshes it at once. Zero reads them for every decision.
     */
    @WithDefault("1s")
    Duration mentorSnapshotTtl();

    /** Mentors kept per decision, so a lost capacity race falls back to the next without ranking again. */
    @WithDefault("10")
    int shortlistSize();

    /** How often the waiting list is retried even without a trigger (the safety net for missed wake-ups). */
    @WithDefault("10s")
    Duration waitingListSweep();

    /** How often overdue proposals and invitations are expired (read by the scheduler's expression). */
    @WithDefault("60s")
    Duration expirySweep();

    /** Participants tried per waiting-list pass. */
    @WithDefault("1000")
    int waitingListBatch();

    /** The matching mode until a program-admin sets one (program_settings). */
    @WithDefault("IMMEDIATE")
    dev.sparks.matching.domain.ProgramMode mode();

    /** How often due scheduled cohort runs are started and stale runs failed. */
    @WithDefault("10s")
    Duration runCheck();

    /** A run whose replica has not reported for this long is marked FAILED (the replica stopped). */
    @WithDefault("2m")
    Duration runStaleAfter();

    /** Matches a cohort run commits per transaction. */
    @WithDefault("100")
    int runBatchSize();
}
