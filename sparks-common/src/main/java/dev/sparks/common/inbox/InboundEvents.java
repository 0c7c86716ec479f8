package dev.sparks.common.inbox;

import dev.sparks.common.config.EventsConfig;
import dev.sparks.common.events.CloudEventHeaders;
import dev.sparks.common.events.EventJson;
import dev.sparks.common.events.Topics;
import dev.sparks.common.outbox.EventPublisher;
import dev.sparks.common.tracing.EventTracing;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PessimisticLockException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockAcquisitionException;
import org.jboss.logging.Logger;

/**
 * Applies received events exactly once: each in its own transaction together with its inbox record.
 *
 * <p>When the database or another dependency is unreachable the event is retried with backoff until it can be
 * applied (blocking the partition is right: nothing after it could be applied either). When the event itself is
 * the problem (unreadable, or its handler keeps failing) it goes to the dead-letter topic after a bounded number of
 * attempts, so one poison message never blocks its partition. The caller returns normally after this method, and
 * only then is the offset committed.
 *
 * <p>While the application shuts down, no new event is taken and a failing one is not counted against it: the
 * database may already be gone. Such events are left unacknowledged, so the next start (or another replica)
 * applies them.
 */
@ApplicationScoped
public class InboundEvents {

    private static final Logger LOG = Logger.getLogger(InboundEvents.class);

    private final Inbox inbox;
    private final EventJson json;
    private final EventPublisher publisher;
    private final EventsConfig config;
    private final MeterRegistry registry;
    private final EventTracing tracing;
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopping;

    public InboundEvents(Inbox inbox, EventJson json, EventPublisher publisher, EventsConfig config,
            MeterRegistry registry, EventTracing tracing) {
        this.inbox = inbox;
        this.json = json;
        this.publisher = publisher;
        this.config = config;
        this.registry = registry;
        this.tracing = tracing;
    }

    public void handle(ConsumerRecord<String, byte[]> record, EventRoutes routes) {
        if (stopping) {
            throw new ShuttingDown();
        }
        inFlight.incrementAndGet();
        // The span continues the producer's trace from the traceparent header, and is current while the handler
        // runs, so the events it writes to the outbox carry the same trace on.
        Span span = tracing.startProcess(record);
        try (Scope scope = span.makeCurrent()) {
            dispatch(record, routes);
        } catch (RuntimeException e) {
            span.setStatus(StatusCode.ERROR, e.toString());
            throw e;
        } finally {
            span.end();
            inFlight.decrementAndGet();
        }
    }

    /** Lets the event in hand finish while the database is still there, and takes no new one. */
    void stop(@Observes @Priority(1) ShutdownEvent shutdown) throws InterruptedException {
        stopping = true;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (inFlight.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        if (inFlight.get() > 0) {
            LOG.warn("Shutting down while an event is still being applied; it will be applied again after restart");
        }
    }

    /** Thrown instead of applying an event during shutdown: the event stays unacknowledged for the next start. */
    public static final class ShuttingDown extends IllegalStateException {
        ShuttingDown() {
            super("shutting down: event left for redelivery", null);
        }
    }

    private void dispatch(ConsumerRecord<String, byte[]> record, EventRoutes routes) {
        IncomingEvent event;
        try {
            event = IncomingEvent.of(record);
        } catch (RuntimeException e) {
            deadLetter(record, "unreadable CloudEvent headers: " + e.getMessage());
            return;
        }
        EventRoutes.Route<?> route = routes.route(event.type()).orElse(null);
        if (route == null) {
            return;
        }
        apply(record, event, route);
    }

    private <T> void apply(ConsumerRecord<String, byte[]> record, IncomingEvent event, EventRoutes.Route<T> route) {
        T payload;
        try {
            payload = json.read(event.data(), route.payloadType());
        } catch (Exception e) {
            deadLetter(record, "unreadable " + event.type() + " payload: " + e.getMessage());
            return;
        }
        int failures = 0;
        long backoff = config.consumer().initialBackoff().toMillis();
        while (true) {
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    if (inbox.recordFirstDelivery(event.id(), event.type())) {
                        route.handler().apply(event, payload);
                    }
                });
                registry.counter("sparks.events.consumed", "type", event.type()).increment();
                return;
            } catch (RuntimeException e) {
                if (stopping) {
                    throw new ShuttingDown();
                }
                boolean transientFailure = isTransient(e);
                if (!transientFailure) {
                    failures++;
                }
                if (failures >= config.consumer().maxAttempts()) {
                    LOG.errorf(e, "Event %s (%s) failed %d times, sending it to the dead-letter topic", event.id(),
                            event.type(), failures);
                    deadLetter(record, e.toString());
                    return;
                }
                LOG.warnf("Event %s (%s) not applied yet (%s), retrying in %d ms", event.id(), event.type(),
                        transientFailure ? "dependency unavailable" : "handler failed", backoff);
                sleep(backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
                backoff = Math.min(backoff * 2, config.consumer().maxBackoff().toMillis());
            }
        }
    }

    /** Failures that will pass once the database or broker is back; everything else counts against the event. */
    static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof JDBCConnectionException || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException || cause instanceof LockAcquisitionException
                    || cause instanceof OptimisticLockException || cause instanceof PessimisticLockException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // connection errors, serialization failures and deadlocks, server shutting down, too many connections
                if (state.startsWith("08") || state.startsWith("40") || state.startsWith("57P")
                        || state.startsWith("53")) {
                    return true;
                }
            }
            if (cause.getClass().getName().contains("Acquisition") || String.valueOf(cause.getMessage())
                    .contains("Acquisition timeout")) {
                return true;
            }
        }
        return false;
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            headers.add(header);
        }
        headers.add(CloudEventHeaders.DLQ_TOPIC, bytes(record.topic()));
        headers.add(CloudEventHeaders.DLQ_PARTITION, bytes(Integer.toString(record.partition())));
        headers.add(CloudEventHeaders.DLQ_OFFSET, bytes(Long.toString(record.offset())));
        headers.add(CloudEventHeaders.DLQ_REASON, bytes(reason.length() > 500 ? reason.substring(0, 500) : reason));
        ProducerRecord<String, byte[]> dead = new ProducerRecord<>(Topics.DEAD_LETTERS, null, record.key(),
                record.value(), headers);
        Span.current().setStatus(StatusCode.ERROR, "dead-lettered: " + reason);
        long backoff = config.consumer().initialBackoff().toMillis();
        while (true) {
            try {
                publisher.send(dead).get(30, TimeUnit.SECONDS);
                registry.counter("sparks.events.dead.lettered", "topic", record.topic()).increment();
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while dead-lettering", e);
            } catch (Exception e) {
                if (stopping) {
                    throw new ShuttingDown();
                }
                LOG.warnf("Dead letter not sent yet (%s), retrying", e.toString());
                sleep(backoff);
                backoff = Math.min(backoff * 2, config.consumer().maxBackoff().toMillis());
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
