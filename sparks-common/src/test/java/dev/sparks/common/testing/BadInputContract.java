package dev.sparks.common.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.AccessMatrix.Caller;
import dev.sparks.common.testing.AccessMatrix.Expected;
import dev.sparks.common.testing.BadInputs.Case;
import dev.sparks.common.testing.BadInputs.Expect;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * Bad input to every operation of the running service that takes a body or parameters, generated from its live
 * OpenAPI document ({@link BadInputs}): every answer is a 4xx problem+json, never a 500, and nothing is stored or
 * emitted. "Nothing" is checked per operation, around the round of its bad requests: the row count of every table of
 * the service's database and the outbox rows written ({@link StoredState}), the events this instance's relay
 * published, the resource itself as its own GET shows it, and this service's events on the platform's topics.
 *
 * <p>The service may store things on its own meanwhile (a consumer of the shared topics, a scheduled sweep). Proof
 * fails the operation at once: a row of any table or an event that holds the round's unique data (its nonce, or the
 * id made from it), or a changed view. Moved counts alone send the round again with fresh bodies, and fail when the
 * same table moved in every round; while the service consumes events (its inbox grows) its counts prove nothing and
 * only the proof counts.
 *
 * <p>Run by each service's {@code @QuarkusTest} subclass, which knows where a good request of each operation points
 * ({@link #good}): real ids of its own resources, so the bad input is checked as deep as the service goes, and good
 * bodies unique per round, so a wrongly accepted case leaves a row that can be found.
 */
public abstract class BadInputContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int ATTEMPTS = 3;

    private long maxBody;
    private String source;

    protected String serviceName() {
        return ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
    }

    /**
     * A good request of the operation: path values (real ids where the service has them) and a good JSON body per
     * content type, made unique by {@code nonce}. By default: dummy ids, and a body from the schema's examples.
     */
    protected BadInputs.Good good(ApiOperations.Operation operation, String nonce) {
        Map<String, String> path = new LinkedHashMap<>();
        for (ApiOperations.Parameter parameter : operation.parameters("path")) {
            path.put(parameter.name(), "uuid".equals(parameter.schema().path("format").asText())
                    ? dummyId(nonce) : "unknown-" + nonce);
        }
        Map<String, JsonNode> bodies = new LinkedHashMap<>();
        operation.bodies().forEach((type, schema) -> {
            if (ApiOperations.isJson(type)) {
                bodies.put(type, BadInputs.example(schema));
            }
        });
        return new BadInputs.Good(path, bodies);
    }

    /**
     * The schema of the operation's request body of this content type; by default the document's. For a body the
     * document can only describe loosely (a merge patch as text), a subclass gives the real shape.
     */
    protected JsonNode bodySchema(ApiOperations.Operation operation, String contentType) {
        return operation.bodies().get(contentType);
    }

    /** The bearer token for the operation: a demo user whose role the access matrix allows; none when public. */
    protected String token(ApiOperations.Operation operation) {
        AccessMatrix.Row row = AccessMatrix.of(serviceName()).get(operation.operationId());
        if (row == null || row.expected(Caller.NO_TOKEN) == Expected.ALLOWED) {
            return null;
        }
        for (Caller role : List.of(Caller.PROGRAM_ADMIN, Caller.PARTICIPANT, Caller.MENTOR, Caller.HR_INTEGRATION)) {
            if (row.expected(role) == Expected.ALLOWED) {
                return Tokens.user(AccessMatrixContract.DEMO_USERS.get(role));
            }
        }
        throw new IllegalStateException(operation + " allows no role in " + AccessMatrix.FILE);
    }

    /** Operations that answer a bad row with 200 and a per-row report instead of refusing the request. */
    protected Set<String> reportingPerRow() {
        return Set.of();
    }

    @Test
    void badInputIsRefusedAndNothingIsStoredOrEmitted() {
        List<ApiOperations.Operation> operations = ApiOperations.served();
        source = ConfigProvider.getConfig().getValue("sparks.events.source", String.class);
        maxBody = new MemorySizeConverter().convert(ConfigProvider.getConfig()
                .getValue("quarkus.http.limits.max-body-size", String.class)).asLongValue();
        List<String> failures = new ArrayList<>();
        List<String> judgedByData = new ArrayList<>();
        int sent = 0;
        try (StoredState state = StoredState.ofService();
                TopicProbe topics = TopicProbe.fromNow(List.of(Topics.ASSESSMENTS, Topics.MENTORS, Topics.MATCHES,
                        Topics.INVITATIONS, Topics.PARTICIPANTS, Topics.DEAD_LETTERS))) {
            awaitQuiet(state);
            for (ApiOperations.Operation served : operations) {
                if (!served.takesInput()) {
                    continue;
                }
                Map<String, JsonNode> schemas = new LinkedHashMap<>();
                served.bodies().keySet().forEach(type -> schemas.put(type, bodySchema(served, type)));
                ApiOperations.Operation operation = new ApiOperations.Operation(served.method(), served.path(),
                        served.operationId(), served.parameters(), schemas, served.bodyRequired(), served.secured(),
                        served.roles());
                List<Window> rounds = new ArrayList<>();
                for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                    Window window = window(operation, ownView(operation, operations), state, topics);
                    rounds.add(window);
                    sent += window.sent();
                    // stop at wrong answers, at proof (this round's data found), at a clean round, and while the
                    // service consumes events (its own work then moves counts in every round); counts that moved
                    // otherwise may be a scheduled sweep: try again with fresh bodies
                    if (!window.wrongAnswers().isEmpty() || !window.traces().isEmpty()
                            || window.changes().isEmpty() || window.busy()) {
                        break;
                    }
                }
                Window last = rounds.get(rounds.size() - 1);
                failures.addAll(last.wrongAnswers());
                if (!last.traces().isEmpty()) {
                    failures.add(operation + ": its bad requests stored or emitted something: "
                            + String.join("; ", last.traces()) + " (counts: " + String.join("; ", last.changes())
                            + ")");
                } else if (last.busy()) {
                    judgedByData.add(operation.operationId());
                } else if (!last.changes().isEmpty()) {
                    Set<String> always = new TreeSet<>(rounds.get(0).changed());
                    rounds.forEach(round -> always.retainAll(round.changed()));
                    if (always.isEmpty()) {
                        judgedByData.add(operation.operationId());
                        continue;
                    }
                    failures.add(operation + ": " + always + " changed in each of " + rounds.size() + " rounds of its"
                            + " bad requests while the service consumed no events: " + String.join("; ",
                            last.changes()));
                }
            }
        }
        if (!judgedByData.isEmpty()) {
            System.err.printf("%s was busy on its own (consuming events, a sweep) during the bad requests of %s: row"
                    + " counts prove nothing there; no row, event or view held anything of those requests%n",
                    serviceName(), judgedByData);
        }
        assertThat(sent).as("bad requests sent").isPositive();
        assertThat(failures).as("bad input to %s that was not refused with a 4xx problem+json or that stored or "
                + "emitted something (%d requests)", serviceName(), sent).isEmpty();
    }

    /**
     * What one round of an operation's bad requests did.
     *
     * @param changes what moved: table row counts, outbox rows written, events this instance's relay published
     * @param traces proof the requests stored or emitted something: rows or events with this round's data, or the
     *     operation's own view changed
     * @param busy the service consumed events meanwhile, which may explain moved counts
     */
    private record Window(int sent, List<String> wrongAnswers, List<String> changes, List<String> traces,
            boolean busy) {

        /** What moved, by table (or outbox, relay). */
        Set<String> changed() {
            Set<String> names = new TreeSet<>();
            changes.forEach(change -> names.add(change.substring(0, Math.max(0, change.indexOf(':')))));
            return names;
        }
    }

    private Window window(ApiOperations.Operation operation, Optional<ApiOperations.Operation> view,
            StoredState state, TopicProbe topics) {
        String token = token(operation);
        String nonce = UUID.randomUUID().toString().substring(0, 8);
        BadInputs.Good good = good(operation, nonce);
        List<Case> cases = new BadInputs(operation, good, maxBody).cases();
        // preparing the good request may have written events (e.g. an assessment started): let them leave first
        state.awaitOutboxRelayed(Duration.ofSeconds(10));
        topics.upToNow();
        StoredState.Snapshot before = state.take(null);
        long publishedBefore = published();
        String viewBefore = view.map(v -> read(v, good.path(), token)).orElse("");
        List<String> wrong = new ArrayList<>();
        for (Case badCase : cases) {
            String problem = check(operation, badCase, token);
            if (problem != null) {
                wrong.add(operation + ", " + badCase + ": " + problem);
            }
        }
        String viewAfter = view.map(v -> read(v, good.path(), token)).orElse("");
        StoredState.Snapshot after = state.take(before);
        List<String> changes = new ArrayList<>(after.changesSince(before));
        long relayed = published() - publishedBefore;
        if (relayed > 0) {
            changes.add("outbox relay: published " + relayed + " event(s)");
        }
        List<String> traces = new ArrayList<>();
        List<String> markers = List.of(nonce, dummyId(nonce));
        List<String> ids = new ArrayList<>(markers);
        ids.addAll(good.path().values());
        for (ConsumerRecord<String, byte[]> record : topics.upToNow()) {
            // other services and test runs share the topics: this service's events that carry these requests' data
            String text = record.key() + " " + TopicProbe.value(record);
            if (source.equals(TopicProbe.header(record, "ce_source")) && ids.stream().anyMatch(text::contains)) {
                traces.add("emitted " + TopicProbe.header(record, "ce_type") + " on " + record.topic() + " (key "
                        + record.key() + ")");
            }
        }
        if (!viewAfter.equals(viewBefore)) {
            traces.add(view.get() + " changed from " + AccessMatrixContract.abbreviate(viewBefore) + "\n      to "
                    + AccessMatrixContract.abbreviate(viewAfter));
        }
        if (!changes.isEmpty()) {
            state.rowsContaining(markers).forEach(rows -> traces.add("rows with this round's data in " + rows));
        }
        boolean busy = !before.rows().getOrDefault("processed_event", 0L)
                .equals(after.rows().getOrDefault("processed_event", 0L));
        return new Window(cases.size(), wrong, changes, traces, busy);
    }

    /** An id that exists nowhere, unique to a round: good bodies use it where they must name something. */
    protected static String dummyId(String nonce) {
        return UUID.nameUUIDFromBytes(nonce.getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Why the answer to the case is wrong, or null. */
    private String check(ApiOperations.Operation operation, Case badCase, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", isForm(badCase) ? "text/html" : "application/json");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        if (badCase.contentType() != null) {
            headers.put("Content-Type", badCase.contentType());
        }
        headers.putAll(badCase.headers());
        String target = operation.path(badCase.path()) + ApiOperations.query(badCase.query());
        RawHttp.Answer answer = badCase.body() == null && badCase.status() == 413
                ? RawHttp.declaringLength(operation.method(), target, headers, maxBody + 1)
                : RawHttp.send(operation.method(), target, headers,
                        badCase.contentType() == null ? null : badCase.body() == null ? new byte[0] : badCase.body());
        int status = answer.status();
        String contentType = answer.contentType();
        String body = answer.body();
        String seen = status + " " + AccessMatrixContract.abbreviate(body);
        if (status == 0) {
            return "no HTTP answer: " + AccessMatrixContract.abbreviate(body);
        }
        if (status >= 500) {
            return "server error " + seen;
        }
        if (badCase.status() != 0 && status != badCase.status()) {
            return "expected " + badCase.status() + ", got " + seen;
        }
        if (status == 401 || status == 403) {
            return "refused for access, not for the input (wrong caller for this check): " + seen;
        }
        if (status >= 400) {
            // a form post is a browser's (the invitation pages): its refusal may be a page for a person
            boolean page = isForm(badCase) && contentType != null && contentType.startsWith("text/html");
            if (!page && !isProblem(status, contentType, body)) {
                return "not a problem+json answer: " + seen + " (Content-Type " + contentType + ")";
            }
            if (badCase.field() != null && !names(body, badCase.field())) {
                return "the problem does not name " + badCase.field() + " in its errors: " + seen;
            }
            return null;
        }
        if (badCase.expect() == Expect.REFUSED
                && !(reportingPerRow().contains(operation.operationId()) && status == 200)) {
            return "accepted: " + seen;
        }
        return null;
    }

    private static boolean names(String problem, String field) {
        try {
            for (JsonNode error : JSON.readTree(problem).path("errors")) {
                if (error.path("field").asText().equals(field)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isProblem(int status, String contentType, String body) {
        if (contentType == null || !contentType.startsWith("application/problem+json")) {
            return false;
        }
        try {
            JsonNode problem = JSON.readTree(body);
            return problem.path("status").asInt() == status && !problem.path("title").asText("").isBlank()
                    && !problem.path("type").asText("").isBlank();
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isForm(Case badCase) {
        return "application/x-www-form-urlencoded".equals(badCase.contentType());
    }

    /**
     * The GET that shows what the operation would change: at the same path or the nearest one above it, and not a
     * listing (no query parameters), e.g. GET /mentors/{id} for PUT /mentors/{id}.
     */
    private static Optional<ApiOperations.Operation> ownView(ApiOperations.Operation operation,
            List<ApiOperations.Operation> operations) {
        if (operation.isRead()) {
            return Optional.empty();
        }
        String path = operation.path();
        while (path.lastIndexOf('/') > 0) {
            String at = path;
            Optional<ApiOperations.Operation> view = operations.stream()
                    .filter(o -> o.isRead() && o.path().equals(at) && o.parameters("query").isEmpty())
                    .findFirst();
            if (view.isPresent()) {
                return view;
            }
            path = path.substring(0, path.lastIndexOf('/'));
        }
        return Optional.empty();
    }

    private static String read(ApiOperations.Operation view, Map<String, String> path, String token) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/json");
        if (token != null) {
            headers.put("Authorization", "Bearer " + token);
        }
        Map<String, String> values = new LinkedHashMap<>();
        view.parameters("path").forEach(p -> values.put(p.name(), path.getOrDefault(p.name(), "unknown")));
        RawHttp.Answer answer = RawHttp.send("GET", view.path(values), headers, null);
        return answer.status() + " " + answer.body();
    }

    /** Waits (bounded) until the service is not storing or emitting anything on its own, e.g. right after start. */
    private static void awaitQuiet(StoredState state) {
        long deadline = System.nanoTime() + 5_000_000_000L;
        StoredState.Snapshot last = state.take(null);
        long published = published();
        while (System.nanoTime() < deadline) {
            sleep(300);
            StoredState.Snapshot now = state.take(last);
            long publishedNow = published();
            if (now.changesSince(last).isEmpty() && publishedNow == published) {
                return;
            }
            last = now;
            published = publishedNow;
        }
    }

    /** Events this instance's outbox relay has published so far (its own metric: other services share the topics). */
    private static long published() {
        String metrics = RawHttp.send("GET", "/q/metrics", Map.of("Accept", "text/plain"), null).body();
        long total = 0;
        for (String line : metrics.split("\n")) {
            if (line.startsWith("sparks_outbox_published_total")) {
                total += (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return total;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
