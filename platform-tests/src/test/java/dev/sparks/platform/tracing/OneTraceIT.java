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

            Mailbox.await(person.email(), Mailbox.subjectContains("mentor")
                    .and(Mailbox.linkingTo(platform.url(Service.NOTIFICATION))), 1);

            // spans leave each service in batches: wait for the last hop, matching applying invitation.sent.v1
            Eventually.until("the trace came back to matching-service", () -> collector.spans().stream()
                    .anyMatch(span -> span.traceId().equals(traceId) && span.service().equals("matching-service")
                            && span.name().equals("process sparks.invitations")));
            List<ReceivedSpan> trace = collector.spans().stream().filter(span -> span.traceId().equals(traceId))
                    .toList();
            ReceivedSpan request = child(trace, frontEndSpan, "assessment-service", "SERVER", "POST");
            ReceivedSpan completed = child(trace, request.spanId(), "assessment-service", "PRODUCER",
                    "send sparks.assessments");
            ReceivedSpan matched = child(trace, completed.spanId(), "matching-service", "CONSUMER",
                    "process sparks.assessments");
            ReceivedSpan proposed = child(trace, matched.spanId(), "matching-service", "PRODUCER",
                    "send sparks.matches");
            ReceivedSpan received = child(trace, proposed.spanId(), "notification-service", "CONSUMER",
                    "process sparks.matches");
            ReceivedSpan mail = child(trace, received.spanId(), "notification-service", "INTERNAL",
                    "send INVITATION email");
            ReceivedSpan sent = child(trace, mail.spanId(), "notification-service", "PRODUCER",
                    "send sparks.invitations");
            child(trace, sent.spanId(), "matching-service", "CONSUMER", "process sparks.invitations");
        } finally {
            keycloak.delete(people);
        }
    }

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

    /** The one span of the trace with that parent, from that service, of that kind, whose name starts so. */
    private static ReceivedSpan child(List<ReceivedSpan> trace, String parentSpanId, String service, String kind,
            String name) {
        List<ReceivedSpan> found = trace.stream().filter(span -> span.parentSpanId().equals(parentSpanId)
                && span.service().equals(service) && span.kind().equals("SPAN_KIND_" + kind)
                && span.name().startsWith(name)).toList();
        assertThat(found).as("%s %s span '%s' under %s in the trace %s", service, kind, name, parentSpanId, trace)
                .hasSize(1);
        return found.get(0);
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
