package dev.sparks.mentor.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;

/** The settings of the mentor service. */
@ConfigMapping(prefix = "sparks.mentor")
public interface MentorConfig {

    @WithName("import")
    Import importing();

    /** How often paused mentors whose pause ended are stored as accepting again (and announced). */
    @WithDefault("15m")
    Duration pauseCheck();

    /** The level a {@code strength=TRAIT} filter asks for when it names none. */
    @WithDefault("4")
    int defaultStrengthFilterLevel();

    interface Import {
        /** Most rows one import request may hold. */
        @WithDefault("5000")
        int maxRows();

        /** Rows applied in one transaction. */
        @WithDefault("500")
        int batchSize();

        /** How long an Idempotency-Key and its answer are kept for replay. */
        @WithDefault("24h")
        Duration idempotencyRetention();
    }
}
