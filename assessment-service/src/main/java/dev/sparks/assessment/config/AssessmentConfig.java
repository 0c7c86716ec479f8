package dev.sparks.assessment.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The assessment-service's own settings. */
@ConfigMapping(prefix = "sparks.assessment")
public interface AssessmentConfig {

    /** The most rows one HR pre-registration request may carry; larger files are split by the sender. */
    @WithDefault("5000")
    int importMaxRows();
}
