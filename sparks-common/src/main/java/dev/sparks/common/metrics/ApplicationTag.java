package dev.sparks.common.metrics;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * Every metric carries {@code application="<service>"}, so dashboards and alerts can tell the services apart by the
 * services' own word, whatever labels the scraper adds (Kubernetes, a plain Prometheus, a local run).
 */
@Singleton
public class ApplicationTag {

    @Produces
    @Singleton
    MeterFilter applicationTag(Config config) {
        return MeterFilter.commonTags(List.of(Tag.of("application",
                config.getValue("quarkus.application.name", String.class))));
    }
}
