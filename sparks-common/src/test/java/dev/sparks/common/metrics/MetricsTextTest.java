package dev.sparks.common.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.common.testing.Metrics;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The tests read /q/metrics as Prometheus does, including the exemplars a traced service adds. */
class MetricsTextTest {

    static final String TEXT = """
            # TYPE sparks_assessments_started counter
            sparks_assessments_started_total{application="assessment-service"} 2.0 # {span_id="31650b2884c06914",trace_id="e8cb6eb2aad5f6d402045cf7c8c5c12a"} 1.0 1795918608.766
            http_server_requests_seconds_count{application="a",method="GET",status="200",uri="/assessments/{id}"} 3.0
            http_server_requests_seconds_count{application="a",method="POST",status="500",uri="/assessments/{id}/completion"} 1.0 1795918608766
            sparks_outbox_backlog 7
            # EOF
            """;

    @Test
    void readsValuesPastExemplarsTimestampsAndBracesInLabelValues() {
        Metrics metrics = Metrics.of(TEXT);
        assertThat(metrics.value("sparks_assessments_started_total", Map.of("application", "assessment-service")))
                .isEqualTo(2.0);
        assertThat(metrics.value("http_server_requests_seconds_count")).isEqualTo(4.0);
        assertThat(metrics.value("http_server_requests_seconds_count", Map.of("status", "500"))).isEqualTo(1.0);
        assertThat(metrics.value("http_server_requests_seconds_count",
                Map.of("uri", "/assessments/{id}/completion"))).isEqualTo(1.0);
        assertThat(metrics.value("sparks_outbox_backlog")).isEqualTo(7.0);
        assertThat(metrics.has("sparks_assessments_started")).isFalse();
        assertThat(metrics.value("sparks_matches_proposed_total")).isZero();
    }
}
