package dev.sparks.matching;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.events.InvitationRespondedV1;
import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.Metrics;
import dev.sparks.common.testing.Spans;
import dev.sparks.common.testing.TopicProbe;
import dev.sparks.matching.domain.MentorRepository;
import dev.sparks.matching.domain.WaitingListRepository;
import dev.sparks.matching.testing.EventFeed;
import dev.sparks.matching.testing.Eventually;
import dev.sparks.matching.testing.TestEvents;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What operators see of matching: the trace of a completion continued into the match it proposes, the match
 * counters and the waiting list on /q/metrics. The topics are shared with other tests, so counters are checked
 * for having moved at least by this test's own changes.
 */
@QuarkusTest
class ObservabilityTest {

    static final Duration PATIENCE = MatchingFlowTest.PATIENCE;
    static final Map<String, String> HERE = Map.of("application", "matching-service");
    static EventFeed feed;

    @Inject
    InMemorySpanExporter spans;
    @Inject
    MentorRepository mentors;
    @Inject
    WaitingListRepository waitingList;

    @BeforeAll
    static void connect() {
        feed = EventFeed.connect();
    }

    @AfterAll
    static void disconnect() {
        feed.close();
    }

    @Test
    void aCompletionsTraceContinuesIntoItsMatchAndProposalAndAcceptanceAreCounted() throws Exception {
        String language = TestEvents.uniqueLanguage();
        TestEvents.MentorDraft mentor = TestEvents.mentor(language);
        feed.mentor(mentor.event());
        Eventually.until("mentor in the read model", () -> QuarkusTransaction.requiringNew()
                .call(() -> mentors.findById(mentor.id)) != null, PATIENCE);
        AssessmentCompletedV1 completion = TestEvents.participant(language).event();
        String traceId = hex(16);
        String relaySpan = hex(8);
        Metrics before = Metrics.scrape();

        ConsumerRecord<String, byte[]> proposed;
        try (TopicProbe matches = TopicProbe.fromNow(Topics.MATCHES)) {
            feed.completedTraced(completion, "00-" + traceId + "-" + relaySpan + "-01");
            SpanData process = Spans.await(spans, span -> span.getTraceId().equals(traceId)
                    && span.getKind() == SpanKind.CONSUMER, PATIENCE);
            assertThat(process.getParentSpanId()).isEqualTo(relaySpan);
            assertThat(process.getName()).isEqualTo("process " + Topics.ASSESSMENTS);

            String matchId = MatchingFlowTest.awaitMatch(completion.participantId(), "PROPOSED").getString("id");
            proposed = matches.await(record -> matchId.equals(record.key())
                    && MatchProposedV1.TYPE.equals(TopicProbe.header(record, "ce_type")), 1, PATIENCE).get(0);
            // the proposal was written in the consumer's span and carries the trace on
            assertThat(TopicProbe.header(proposed, "ce_traceparent"))
                    .isEqualTo("00-" + traceId + "-" + process.getSpanId() + "-01");
            assertThat(Spans.traceIdOf(TopicProbe.header(proposed, "traceparent"))).isEqualTo(traceId);
        }
        MatchProposedV1 event = EventFeed.JSON.readValue(proposed.value(), MatchProposedV1.class);
        // stored by PostgreSQL in microseconds
        assertThat(event.assessmentCompletedAt()).isCloseTo(completion.completedAt(),
                org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS));

        feed.invitationSent(event.matchId(), event.participantId());
        MatchingFlowTest.awaitMatch(event.participantId(), "INVITED");
        feed.invitationResponded(event.matchId(), event.participantId(), InvitationRespondedV1.Answer.ACCEPTED, null);
        MatchingFlowTest.awaitMatch(event.participantId(), "ACCEPTED");

        Metrics after = Metrics.scrape();
        assertThat(after.value("sparks_matches_proposed_total", HERE))
                .isGreaterThanOrEqualTo(before.value("sparks_matches_proposed_total", HERE) + 1);
        assertThat(after.value("sparks_matches_accepted_total", HERE))
                .isGreaterThanOrEqualTo(before.value("sparks_matches_accepted_total", HERE) + 1);
    }

    @Test
    void theWaitingListGaugeShowsTheCommittedWaitingList() {
        AssessmentCompletedV1 nobodySpeaksThis = TestEvents.participant(TestEvents.uniqueLanguage()).event();
        feed.completed(nobodySpeaksThis);
        Eventually.until("the participant waits", () -> MatchingFlowTest.waiting(nobodySpeaksThis.participantId())
                != null, PATIENCE);

        // the drain refreshes the gauge on each pass; it then equals the waiting rows, ours among them
        Eventually.until("the gauge shows the waiting list", () -> {
            long waiting = QuarkusTransaction.requiringNew().call(waitingList::waitingCount);
            return waiting >= 1 && Metrics.scrape().value("sparks_waiting_list_size", HERE) == waiting;
        }, PATIENCE);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
