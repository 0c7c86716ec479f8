package dev.sparks.matching.domain;

import java.time.Instant;

/**
 * The program's matching mode and its next scheduled cohort run.
 *
 * @param nextRunAt when the scheduler starts a cohort run (cohort mode only); null for none
 * @param objective {@code best-score} or {@code most-participation}, for the scheduled run
 * @param threshold 0-100, the lowest score a best-score run may match
 */
public record ProgramSettings(ProgramMode mode, Instant nextRunAt, String objective, int threshold,
        Instant updatedAt, String updatedBy) {
}
