package dev.sparks.common.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sparks.common.testing.Metrics;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The outbox's gauges and counter count committed rows only, as a scraper reads them on /q/metrics. */
@QuarkusTest
class OutboxMetricsTest {

    static final String TOPIC = "sparks.test.outbox";
    static final Map<String, String> THIS_SERVICE = Map.of("application", "sparks-common-test");

    @Inject
    OutboxWriter writer;
    @Inject
    OutboxRelay relay;
    @Inject
    EntityManager entityManager;

    record Note(String run) {
    }

    @BeforeEach
    void emptyOutbox() throws Exception {
        while (relay.relayBatch() > 0) {
            // drain what earlier tests left
        }
    }

    @Test
    void backlogAndOldestAgeShowWhatIsWaitingAndPublishedCountsWhatLeft() throws Exception {
        String run = UUID.randomUUID().toString();
        double publishedBefore = Metrics.scrape().value("sparks_outbox_published_total", THIS_SERVICE);
        UUID oldest = QuarkusTransaction.requiringNew().call(() -> {
            UUID first = writer.write(TOPIC, run, "test.note.v1", run, new Note(run));
            writer.write(TOPIC, run, "test.note.v1", run, new Note(run));
            writer.write(TOPIC, run, "test.note.v1", run, new Note(run));
            return first;
        });
        // a write that rolls back is neither waiting nor ever published
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            writer.write(TOPIC, run, "test.note.v1", run, new Note(run));
            throw new IllegalStateException("rolled back");
        })).hasMessageContaining("rolled back");
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("update outbox_event set occurred_at = now() - interval '10 minutes'"
                        + " where event_id = ?1")
                .setParameter(1, oldest).executeUpdate());

        relay.measureBacklog();
        Metrics waiting = Metrics.scrape();
        assertThat(waiting.value("sparks_outbox_backlog", THIS_SERVICE)).isEqualTo(3);
        assertThat(waiting.value("sparks_outbox_oldest_age_seconds", THIS_SERVICE)).isBetween(600.0, 900.0);

        while (relay.relayBatch() > 0) {
            // publish
        }
        relay.measureBacklog();
        Metrics drained = Metrics.scrape();
        assertThat(drained.value("sparks_outbox_backlog", THIS_SERVICE)).isZero();
        assertThat(drained.value("sparks_outbox_oldest_age_seconds", THIS_SERVICE)).isZero();
        assertThat(drained.value("sparks_outbox_published_total", THIS_SERVICE) - publishedBefore).isEqualTo(3);
    }
}
