package dev.sparks.assessment.api;

import static dev.sparks.assessment.api.AssessmentClient.ASSESSMENTS;
import static dev.sparks.assessment.api.AssessmentClient.answerAll;
import static dev.sparks.assessment.api.AssessmentClient.as;
import static dev.sparks.assessment.api.AssessmentClient.finishInProgress;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.Metrics;
import dev.sparks.common.testing.Spans;
import dev.sparks.common.testing.TopicProbe;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** What operators see of an assessment: the business counters on /q/metrics and the trace of a completion. */
@QuarkusTest
class ObservabilityTest {

    static final Map<String, String> HERE = Map.of("application", "assessment-service");
    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    InMemorySpanExporter spans;

    @Test
    void startsAndCompletionsAreCountedOnceEachAndRefusalsNotAtAll() {
        finishInProgress("ben");
        double started = Metrics.scrape().value("sparks_assessments_started_total", HERE);
        double completed = Metrics.scrape().value("sparks_assessments_completed_total", HERE);

        String id = as("ben").post(ASSESSMENTS).then().statusCode(201).extract().path("id");
        as("ben").post(ASSESSMENTS).then().statusCode(409);
        assertThat(Metrics.scrape().value("sparks_assessments_started_total", HERE)).isEqualTo(started + 1);

        as("ben").post(ASSESSMENTS + "/" + id + "/completion").then().statusCode(422);
        assertThat(Metrics.scrape().value("sparks_assessments_completed_total", HERE)).isEqualTo(completed);

        answerAll("ben", id, i -> 1 + i % 5);
        as("ben").post(ASSESSMENTS + "/" + id + "/completion").then().statusCode(200);
        as("ben").post(ASSESSMENTS + "/" + id + "/completion").then().statusCode(200);
        Metrics after = Metrics.scrape();
        assertThat(after.value("sparks_assessments_completed_total", HERE)).isEqualTo(completed + 1);
        assertThat(after.value("sparks_assessments_started_total", HERE)).isEqualTo(started + 1);
    }

    @Test
    void theCompletionRequestsTraceTravelsWithTheCompletedEvent() {
        finishInProgress("ben");
        String id = as("ben").post(ASSESSMENTS).then().statusCode(201).extract().path("id");
        answerAll("ben", id, i -> 1 + i % 5);
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));

        ConsumerRecord<String, byte[]> record;
        try (TopicProbe probe = TopicProbe.fromNow(Topics.ASSESSMENTS)) {
            // a front-end that traces its own calls sends its context; the service continues it
            as("ben").header("traceparent", "00-" + traceId + "-" + callerSpan + "-01")
                    .post(ASSESSMENTS + "/" + id + "/completion").then().statusCode(200);
            record = probe.await(r -> id.equals(TopicProbe.header(r, "ce_subject"))
                    && AssessmentCompletedV1.TYPE.equals(TopicProbe.header(r, "ce_type")), 1, WAIT).get(0);
        }

        SpanData request = Spans.await(spans, span -> span.getTraceId().equals(traceId)
                && span.getKind() == SpanKind.SERVER, WAIT);
        assertThat(request.getParentSpanId()).isEqualTo(callerSpan);
        assertThat(request.getName()).contains("POST").contains("/completion");

        // written inside the request's span, published by the relay in a child span of it, on the same trace
        String written = TopicProbe.header(record, "ce_traceparent");
        assertThat(Spans.traceIdOf(written)).isEqualTo(traceId);
        assertThat(Spans.spanIdOf(written)).isEqualTo(request.getSpanId());
        String published = TopicProbe.header(record, "traceparent");
        assertThat(Spans.traceIdOf(published)).isEqualTo(traceId);
        SpanData send = Spans.await(spans, span -> span.getSpanId().equals(Spans.spanIdOf(published)), WAIT);
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(send.getParentSpanId()).isEqualTo(request.getSpanId());
    }

    private static byte[] randomBytes(int count) {
        byte[] bytes = new byte[count];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}
