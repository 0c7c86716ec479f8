package dev.sparks.platform.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.platform.harness.Api;
import dev.sparks.platform.harness.AssessmentTaker;
import dev.sparks.platform.harness.Eventually;
import dev.sparks.platform.harness.Keycloak;
import dev.sparks.platform.harness.Keycloak.TestUser;
import dev.sparks.platform.harness.Mailbox;
import dev.sparks.platform.harness.Platform;
import dev.sparks.platform.harness.Service;
import dev.sparks.platform.tracing.OtlpCollector.ReceivedSpan;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * One trace follows a participant from the completion request in assessment-service, through the match in
 * matching-service, to the invitation email in notification-service: the packaged services export their spans
 * over OTLP to a collector in the test, as they would to a real one.
 */
class OneTraceIT {

    @Test
    void theCompletionTheMatchAndTheInvitationEmailAreOneTrace() throws Exception {
        Keycloak keycloak = new Keycloak();
        List<TestUser> people = keycloak.createUsers("trace-" + UUID.randomUUID().toString().substring(0, 6),
                "participant", 1);
        TestUser person = people.get(0);
        try (OtlpCollector collector = OtlpCollector.start(); Platform platform = traced(collector)) {
            String run = platform.run();
            AssessmentTaker taker = AssessmentTaker.of(platform.url(Service.ASSESSMENT), person.token());
            Api hr = Api.of(platform.url(Service.MENTOR), Keycloak.hrToken());
            Map<String, Integer> strengths = new LinkedHashMap<>();
            taker.traits().forEach(trait -> strengths.put(trait, 4));
            Map<String, Object> mentor = new LinkedHashMap<>();
            mentor.put("externalId", "TR-" + run);
            mentor.put("name", "Trace Mentor " + run);
            mentor.put("email", "trace-mentor-" + run + "@platform.sparks.test");
            mentor.put("field", "TECHNOLOGY");
            mentor.put("languages", List.of("en"));
            mentor.put("timeZone", "Europe/Berlin");
            mentor.put("strengths", strengths);
            mentor.put("offerings", List.of("CAREER_ADVICE", "NETWORKING", "RESUME_HELP", "SUPPORT_AND_INSIGHT"));
            mentor.put("capacity", 1);
            String mentorId = hr.post("/api/v1/mentor-imports", Map.of("mentors", List.of(mentor))).expect(200)
                    .path("rows").get(0).path("mentorId").asText();
            Eventually.until("matching-service knows the mentor", () -> platform.database(Service.MATCHING)
                    .count("select count(*) from mentor where id = ?::uuid", mentorId) == 1);

            // the front-end traces its own call: the completion continues the caller's trace
            AssessmentTaker.Answered answered = taker.answer(person, 7, List.of("en"));
            String traceId = hex(16);
            String frontEndSpan = hex(8);
            HttpResponse<String> completion = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                            platform.url(Service.ASSESSMENT) + "/api/v1/assessments/" + answered.assessmentId()
                                    + "/completion"))
                    .header("Authorization", "Bearer " + person.token())
                    .header("traceparent", "00-" + traceId + "-" + frontEndSpan + "-01")
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(completion.statusCode()).as(completion.body()).isEqualTo(200);

            // Spans leave each service in batches, and services of other test runs on the shared topics may handle
            // the same events too (their spans never reach this collector): wait until this platform's chain is
            // complete, down to matching applying invitation.sent.v1.
            List<ReceivedSpan> chain = Eventually.value("one trace from the completion to the invitation email",
                    Duration.ofMinutes(8), () -> chain(collector.spans(), traceId, frontEndSpan),
                    found -> found != null);
            assertThat(chain).extracting(ReceivedSpan::service).containsExactly("assessment-service",
                    "assessment-service", "matching-service", "matching-service", "notification-service",
                    "notification-service", "notification-service", "matching-service");
            assertThat(chain.get(0).name()).contains("/completion");
            // and the email of that span is in the participant's inbox
            assertThat(Mailbox.await(person.email(), Mailbox.subjectContains("mentor")
                    .and(Mailbox.linkingTo(platform.url(Service.NOTIFICATION))), 1)).isNotEmpty();
        } finally {
            keycloak.delete(people);
        }
    }

    /**
     * The spans from the front-end's call to matching applying invitation.sent.v1, each a child of the one before,
     * or null while the collector has not received them all. A hop may have several candidates (an event published
     * again after a failed batch is a second publish span): any that leads on will do.
     */
    private static List<ReceivedSpan> chain(List<ReceivedSpan> spans, String traceId, String frontEndSpan) {
        List<ReceivedSpan> trace = spans.stream().filter(span -> span.traceId().equals(traceId)).toList();
        return chainFrom(trace, frontEndSpan, 0);
    }

    private static List<ReceivedSpan> chainFrom(List<ReceivedSpan> trace, String parentSpanId, int hop) {
        if (hop == HOPS.length) {
            return new ArrayList<>();
        }
        for (ReceivedSpan candidate : trace) {
            if (candidate.parentSpanId().equals(parentSpanId) && candidate.service().equals(HOPS[hop][0])
                    && candidate.kind().equals("SPAN_KIND_" + HOPS[hop][1])
                    && candidate.name().startsWith(HOPS[hop][2])) {
                List<ReceivedSpan> rest = chainFrom(trace, candidate.spanId(), hop + 1);
                if (rest != null) {
                    rest.add(0, candidate);
                    return rest;
                }
            }
        }
        return null;
    }

    /** Service, span kind, name (prefix) of each hop, each the parent of the next. */
    private static final String[][] HOPS = {
        {"assessment-service", "SERVER", "POST"},
        {"assessment-service", "PRODUCER", "send sparks.assessments"},
        {"matching-service", "CONSUMER", "process sparks.assessments"},
        {"matching-service", "PRODUCER", "send sparks.matches"},
        {"notification-service", "CONSUMER", "process sparks.matches"},
        {"notification-service", "INTERNAL", "send INVITATION email"},
        {"notification-service", "PRODUCER", "send sparks.invitations"},
        {"matching-service", "CONSUMER", "process sparks.invitations"},
    };

    /** The four services, recording every trace and exporting it over OTLP/HTTP to the collector. */
    private static Platform traced(OtlpCollector collector) {
        Platform.Builder builder = Platform.builder();
        for (Service service : Service.values()) {
            builder.property(service, "quarkus.otel.traces.sampler.arg", "1.0")
                    .property(service, "quarkus.otel.exporter.otlp.traces.endpoint", collector.endpoint())
                    .property(service, "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf")
                    .property(service, "quarkus.otel.bsp.schedule.delay", "200ms");
        }
        return builder.start();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
