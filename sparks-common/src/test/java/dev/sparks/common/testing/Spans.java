package dev.sparks.common.testing;

import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

/**
 * Reads the spans a service exported to the tests' in-memory exporter. Spans leave in batches, so the helpers wait
 * (up to a timeout) for the one asked for instead of expecting it at once.
 */
public final class Spans {

    private Spans() {
    }

    /** The first exported span that matches, waiting for it; fails when none arrives in time. */
    public static SpanData await(InMemorySpanExporter exporter, Predicate<SpanData> filter, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            for (SpanData span : exporter.getFinishedSpanItems()) {
                if (filter.test(span)) {
                    return span;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such span was exported within " + timeout + "; exported: "
                        + exporter.getFinishedSpanItems().stream().map(SpanData::getName).toList());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }
    }

    /** All exported spans of one trace. */
    public static List<SpanData> ofTrace(InMemorySpanExporter exporter, String traceId) {
        return exporter.getFinishedSpanItems().stream().filter(span -> span.getTraceId().equals(traceId)).toList();
    }

    /** The trace id in a W3C traceparent ({@code 00-<trace id>-<span id>-<flags>}). */
    public static String traceIdOf(String traceParent) {
        return traceParent.split("-")[1];
    }

    /** The span id in a W3C traceparent. */
    public static String spanIdOf(String traceParent) {
        return traceParent.split("-")[2];
    }
}
