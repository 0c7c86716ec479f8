package dev.sparks.common.tracing;

import dev.sparks.common.events.CloudEventHeaders;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapPropagator;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/**
 * Carries a trace across the two places where no library can: the outbox (the event is written by a request's
 * thread and published later by the relay's) and the inbox (records are applied by our own handler, not by an
 * instrumented client). The context travels as a W3C {@code traceparent}: stored in the outbox row, then in the
 * Kafka record's headers.
 */
@ApplicationScoped
public class EventTracing {

    private static final TextMapPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final String TRACE_PARENT = "traceparent";

    private final Tracer tracer;

    public EventTracing(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("dev.sparks.events");
    }

    /** The current span's context as a W3C traceparent, or null outside any trace. */
    public String currentTraceParent() {
        if (!Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>(2);
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(TRACE_PARENT);
    }

    /**
     * Starts the span of publishing one event: a child of the span that wrote it when its traceparent was stored,
     * else the root of a new trace.
     */
    public Span startPublish(String topic, String eventId, String type, String key, String storedTraceParent) {
        return tracer.spanBuilder("send " + topic)
                .setSpanKind(SpanKind.PRODUCER)
                .setParent(contextOf(storedTraceParent))
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "send")
                .setAttribute("messaging.destination.name", topic)
                .setAttribute("messaging.message.id", eventId)
                .setAttribute("messaging.kafka.message.key", key)
                .setAttribute("cloudevents.event_type", type)
                .startSpan();
    }

    /** Adds the span's context to outgoing Kafka headers: consumers continue from it. */
    public void inject(Span span, Headers headers) {
        W3C.inject(Context.root().with(span), headers,
                (carrier, name, value) -> carrier.add(name, value.getBytes(StandardCharsets.UTF_8)));
    }

    /** Starts the span of applying one received record, continuing the trace in its {@code traceparent} header. */
    public Span startProcess(ConsumerRecord<String, byte[]> record) {
        Context parent = W3C.extract(Context.root(), record.headers(), KAFKA_HEADERS);
        return tracer.spanBuilder("process " + record.topic())
                .setSpanKind(SpanKind.CONSUMER)
                .setParent(parent)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.operation.type", "process")
                .setAttribute("messaging.destination.name", record.topic())
                .setAttribute("messaging.destination.partition.id", Integer.toString(record.partition()))
                .setAttribute("messaging.kafka.offset", record.offset())
                .setAttribute("messaging.message.id", header(record.headers(), CloudEventHeaders.ID))
                .setAttribute("cloudevents.event_type", header(record.headers(), CloudEventHeaders.TYPE))
                .startSpan();
    }

    /**
     * Starts an internal span that continues a trace stored earlier (e.g. with a queued email), or a new trace when
     * none was stored.
     */
    public Span startContinuing(String name, String storedTraceParent) {
        return tracer.spanBuilder(name).setSpanKind(SpanKind.INTERNAL).setParent(contextOf(storedTraceParent))
                .startSpan();
    }

    private static Context contextOf(String traceParent) {
        if (traceParent == null || traceParent.isBlank()) {
            return Context.root();
        }
        return W3C.extract(Context.root(), Map.of(TRACE_PARENT, traceParent), MAP);
    }

    private static String header(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private static final TextMapGetter<Headers> KAFKA_HEADERS = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Headers carrier) {
            List<String> names = new java.util.ArrayList<>();
            carrier.forEach(header -> names.add(header.key()));
            return names;
        }

        @Override
        public String get(Headers carrier, String key) {
            return carrier == null ? null : header(carrier, key);
        }
    };
}
