package dev.sparks.notification;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.common.events.InvitationSentV1;
import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.Metrics;
import dev.sparks.common.testing.Spans;
import dev.sparks.common.testing.TopicProbe;
import dev.sparks.notification.support.Mailbox;
import dev.sparks.notification.support.MatchEvents;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * What operators see of an invitation: the trace that runs from the proposal's event through the email to
 * invitation.sent.v1, and the counters and completion-to-invitation histogram on /q/metrics.
 */
@QuarkusTest
@TestProfile(ObservabilityTest.OwnConsumerGroup.class)
class ObservabilityTest {

    /**
     * A consumer group of its own, new for each run, that starts at the end of sparks.matches: the module's shared
     * test group may first have to catch up with thousands of match events other test runs left on the topic.
     */
    public static class OwnConsumerGroup implements QuarkusTestProfile {
        // the same in the test's and the application's class loader (a random value would differ between them)
        static final String GROUP = "notification-service-observability-" + ProcessHandle.current().pid() + "-"
                + ProcessHandle.current().info().startInstant().map(Instant::toEpochMilli).orElse(0L);

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.matches.group.id", GROUP,
                    "mp.messaging.incoming.matches.auto.offset.reset", "latest");
        }
    }

    static final Duration WAIT = Duration.ofSeconds(30);
    /** Only bounds a failing test. */
    static final Duration PATIENCE = Duration.ofMinutes(2);
    static final Map<String, String> FIFTEEN_MINUTES = Map.of("application", "notification-service", "le", "900.0");
    static final Map<String, String> INVITATIONS = Map.of("application", "notification-service", "kind", "INVITATION");
    static final Map<String, String> HERE = Map.of("application", "notification-service");

    @Inject
    InMemorySpanExporter spans;

    @Test
    void theProposalsTraceRunsThroughTheEmailIntoInvitationSentAndTheInvitationIsMeasured() {
        MatchProposedV1 proposal = MatchEvents.proposal(); // completed five minutes ago
        String traceId = hex(16);
        String matchingSpan = hex(8);
        Metrics before = Metrics.scrape();

        SpanData mail;
        ConsumerRecord<String, byte[]> sent;
        try (TopicProbe invitations = TopicProbe.fromNow(Topics.INVITATIONS)) {
            MatchEvents.publishTraced(proposal, "00-" + traceId + "-" + matchingSpan + "-01",
                    OwnConsumerGroup.GROUP);

            // consumer span (child of matching's) -> the mail sender's span (another thread, later) -> the publish
            SpanData process = Spans.await(spans, span -> span.getTraceId().equals(traceId)
                    && span.getKind() == SpanKind.CONSUMER, PATIENCE);
            assertThat(process.getParentSpanId()).isEqualTo(matchingSpan);
            assertThat(process.getName()).isEqualTo("process " + Topics.MATCHES);
            mail = Spans.await(spans, span -> span.getTraceId().equals(traceId)
                    && span.getName().equals("send INVITATION email"), PATIENCE);
            assertThat(mail.getParentSpanId()).isEqualTo(process.getSpanId());
            assertThat(Mailbox.await(proposal.participantEmail(), received -> true, 1, PATIENCE)).isNotEmpty();
            String written = "00-" + traceId + "-" + mail.getSpanId() + "-01";
            sent = invitations.await(record -> InvitationSentV1.TYPE.equals(TopicProbe.header(record, "ce_type"))
                    && written.equals(TopicProbe.header(record, "ce_traceparent")), 1, PATIENCE).get(0);
        }
        assertThat(sent.key()).isEqualTo(proposal.matchId().toString());
        String published = TopicProbe.header(sent, "traceparent");
        assertThat(Spans.traceIdOf(published)).isEqualTo(traceId);
        SpanData send = Spans.await(spans, span -> span.getSpanId().equals(Spans.spanIdOf(published)), PATIENCE);
        assertThat(send.getParentSpanId()).isEqualTo(mail.getSpanId());

        // counted after the send committed; this invitation came five minutes after its completion (other tests'
        // invitations may be counted meanwhile, hence at least)
        Metrics after = awaitMetrics(metrics -> metrics.value("sparks_completion_to_invitation_seconds_sum", HERE)
                - before.value("sparks_completion_to_invitation_seconds_sum", HERE) >= 300);
        assertThat(after.value("sparks_notifications_sent_total", INVITATIONS))
                .isGreaterThanOrEqualTo(before.value("sparks_notifications_sent_total", INVITATIONS) + 1);
        assertThat(after.value("sparks_completion_to_invitation_seconds_count", HERE))
                .isGreaterThanOrEqualTo(before.value("sparks_completion_to_invitation_seconds_count", HERE) + 1);
        assertThat(after.value("sparks_completion_to_invitation_seconds_bucket", FIFTEEN_MINUTES)
                - before.value("sparks_completion_to_invitation_seconds_bucket", FIFTEEN_MINUTES))
                .isGreaterThanOrEqualTo(1);
    }

    /** The counters move right after the email's transaction committed, on the mail sender's thread. */
    private static Metrics awaitMetrics(java.util.function.Predicate<Metrics> condition) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        Metrics metrics = Metrics.scrape();
        while (!condition.test(metrics) && System.nanoTime() < deadline) {
            Mailbox.sleep(200);
            metrics = Metrics.scrape();
        }
        assertThat(condition).as("metrics after the invitation was sent").accepts(metrics);
        return metrics;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
