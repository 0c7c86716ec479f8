package dev.sparks.common.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.inbox.EventRoutes;
import dev.sparks.common.inbox.InboundEvents;
import dev.sparks.common.outbox.OutboxRelay;
import dev.sparks.common.outbox.OutboxWriter;
import dev.sparks.common.testing.Spans;
import dev.sparks.common.testing.TopicProbe;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * One trace follows an event from the span that wrote it, through the outbox and the relay (another thread,
 * later), over the real broker, into the consumer's handler, and on into the next event the handler writes.
 */
@QuarkusTest
class EventTracingTest {

    static final String TOPIC = "sparks.test.outbox";
    static final String TYPE = "test.traced.v1";
    static final Duration WAIT = Duration.ofSeconds(20);
    static final Logger LOG = Logger.getLogger(EventTracingTest.class);

    @Inject
    OutboxWriter writer;
    @Inject
    OutboxRelay relay;
    @Inject
    InboundEvents inbound;
    @Inject
    Tracer tracer;
    @Inject
    InMemorySpanExporter spans;
    @Inject
    EntityManager entityManager;

    record Traced(String run) {
    }

    @BeforeEach
    void emptyOutbox() throws Exception {
        while (relay.relayBatch() > 0) {
            // drain what earlier tests left
        }
    }

    @Test
    void oneTraceRunsFromTheWriterThroughKafkaIntoTheConsumerAndItsNextEvent() throws Exception {
        String run = UUID.randomUUID().toString();
        Span request = tracer.spanBuilder("test request").setSpanKind(SpanKind.SERVER).startSpan();
        try (Scope scope = request.makeCurrent()) {
            QuarkusTransaction.requiringNew().run(() -> writer.write(TOPIC, run, TYPE, run, new Traced(run)));
        } finally {
            request.end();
        }
        String traceId = request.getSpanContext().getTraceId();

        ConsumerRecord<String, byte[]> record;
        try (TopicProbe probe = TopicProbe.fromNow(TOPIC)) {
            while (relay.relayBatch() > 0) {
                // the relay's publish, on this thread and long after the writer's span ended
            }
            record = probe.await(r -> run.equals(TopicProbe.header(r, "ce_subject")), 1, WAIT).get(0);
        }

        // ce_traceparent names where the event was written; traceparent the relay's publish span, a child of it
        String written = TopicProbe.header(record, "ce_traceparent");
        String published = TopicProbe.header(record, "traceparent");
        assertThat(Spans.traceIdOf(written)).isEqualTo(traceId);
        assertThat(Spans.spanIdOf(written)).isEqualTo(request.getSpanContext().getSpanId());
        assertThat(Spans.traceIdOf(published)).isEqualTo(traceId);
        SpanData send = Spans.await(spans, span -> span.getSpanId().equals(Spans.spanIdOf(published)), WAIT);
        assertThat(send.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(send.getName()).isEqualTo("send " + TOPIC);
        assertThat(send.getParentSpanId()).isEqualTo(request.getSpanContext().getSpanId());

        // the consumer continues the trace, and what its handler writes carries it on
        AtomicReference<SpanContext> inHandler = new AtomicReference<>();
        AtomicReference<UUID> next = new AtomicReference<>();
        EventRoutes routes = EventRoutes.create().on(TYPE, Traced.class, (event, payload) -> {
            inHandler.set(Span.current().getSpanContext());
            LOG.infof("applying traced event of run %s", payload.run());
            next.set(writer.write(TOPIC, run, "test.traced-reply.v1", run + "-reply", payload));
        });
        inbound.handle(record, routes);

        assertThat(inHandler.get().getTraceId()).isEqualTo(traceId);
        SpanData process = Spans.await(spans,
                span -> span.getSpanId().equals(inHandler.get().getSpanId()), WAIT);
        assertThat(process.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(process.getName()).isEqualTo("process " + TOPIC);
        assertThat(process.getParentSpanId()).isEqualTo(send.getSpanId());
        assertThat(storedTraceParent(next.get()))
                .isEqualTo("00-" + traceId + "-" + inHandler.get().getSpanId() + "-01");

        // the production JSON log format carries the trace of the line's span
        JsonNode line = logLine("applying traced event of run " + run);
        assertThat(line.path("mdc").path("traceId").asText()).isEqualTo(traceId);
        assertThat(line.path("mdc").path("spanId").asText()).isEqualTo(inHandler.get().getSpanId());
    }

    @Test
    void anEventWrittenOutsideAnyTraceStartsOneWhenPublished() throws Exception {
        String run = UUID.randomUUID().toString();
        UUID id = QuarkusTransaction.requiringNew().call(() -> writer.write(TOPIC, run, TYPE, run, new Traced(run)));
        assertThat(storedTraceParent(id)).isNull();

        try (TopicProbe probe = TopicProbe.fromNow(TOPIC)) {
            while (relay.relayBatch() > 0) {
                // drain
            }
            ConsumerRecord<String, byte[]> record = probe.await(
                    r -> run.equals(TopicProbe.header(r, "ce_subject")), 1, WAIT).get(0);
            assertThat(TopicProbe.header(record, "ce_traceparent")).isNull();
            String published = TopicProbe.header(record, "traceparent");
            SpanData send = Spans.await(spans, span -> span.getSpanId().equals(Spans.spanIdOf(published)), WAIT);
            assertThat(send.getParentSpanContext().isValid()).isFalse();
        }
    }

    private String storedTraceParent(UUID eventId) {
        List<?> rows = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select trace_parent from outbox_event where event_id = ?1")
                .setParameter(1, eventId).getResultList());
        assertThat(rows).hasSize(1);
        return (String) rows.get(0);
    }

    private static JsonNode logLine(String message) throws Exception {
        Path file = Path.of("target/test-logs/sparks-common-test.json");
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(file)) {
            if (line.contains(message)) {
                return json.readTree(line);
            }
        }
        throw new AssertionError("no log line with '" + message + "' in " + file);
    }
}
