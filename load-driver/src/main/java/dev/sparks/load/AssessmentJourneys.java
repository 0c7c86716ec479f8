package dev.sparks.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Participants arriving at a fixed rate (open loop: an arrival does not wait for the ones before it), each taking
 * the assessment through the REST API with their own token: start it, save every answer with goals and
 * preferences, complete it.
 */
final class AssessmentJourneys {

    /** What happened to one participant; times are epoch milliseconds of this machine's clock. */
    static final class Journey {
        final int index;
        final boolean measured;
        long scheduledAt;
        long launchedAt;
        long startMillis;
        long saveMillis;
        long completeMillis;
        /** When assessment-service completed it (the {@code completedAt} it answered), else when the 200 came. */
        long completedAt;
        /** When the completion's 200 reached the driver. */
        long answeredAt;
        UUID assessmentId;
        UUID participantId;
        volatile String failure;

        Journey(int index, boolean measured) {
            this.index = index;
            this.measured = measured;
        }

        boolean completed() {
            return completedAt > 0;
        }
    }

    /** When the arrivals of the run and of its measured window were due, epoch milliseconds. */
    record Schedule(long firstArrival, long windowStart, long windowEnd) {
    }

    private final LocalHttp http;
    private final String assessment;
    private final List<String> itemIds;
    private final String instrumentVersion;

    private AssessmentJourneys(LocalHttp http, String assessment, List<String> itemIds, String instrumentVersion) {
        this.http = http;
        this.assessment = assessment;
        this.itemIds = itemIds;
        this.instrumentVersion = instrumentVersion;
    }

    /** Reads the current instrument (its item ids) with any participant's token. */
    static AssessmentJourneys forInstrument(LocalHttp http, String assessment, String token) {
        JsonNode instrument = LocalHttp.expect(http.send(LocalHttp.json(assessment + "/api/v1/instrument", token,
                "GET", null).build()), 200, "instrument");
        List<String> ids = new ArrayList<>();
        for (JsonNode item : instrument.path("items")) {
            ids.add(item.path("id").asText());
        }
        return new AssessmentJourneys(http, assessment, ids, instrument.path("version").asText());
    }

    /**
     * Runs every journey: the first {@code warmup} unmeasured, then the measured ones, {@code rate} arrivals per
     * second, at most {@code maxInFlight} in progress; an arrival that cannot start within {@code maxLag} of its
     * time is dropped. Returns when all have finished.
     */
    Schedule run(List<ParticipantAccounts.Account> accounts, int warmup, double rate, int maxInFlight,
            Duration maxLag, List<Journey> journeys) throws InterruptedException {
        Semaphore inFlight = new Semaphore(maxInFlight);
        CountDownLatch finished = new CountDownLatch(accounts.size());
        long startNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(200);
        long startEpoch = System.currentTimeMillis() + 200;
        for (int i = 0; i < accounts.size(); i++) {
            journeys.add(new Journey(i, i >= warmup));
        }
        for (int i = 0; i < accounts.size(); i++) {
            long offsetNanos = (long) (i * 1e9 / rate);
            long wait;
            while ((wait = startNanos + offsetNanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            Journey journey = journeys.get(i);
            journey.scheduledAt = startEpoch + offsetNanos / 1_000_000;
            long patience = journey.scheduledAt + maxLag.toMillis() - System.currentTimeMillis();
            if (!inFlight.tryAcquire(Math.max(0, patience), TimeUnit.MILLISECONDS)) {
                // the platform is that far behind: this arrival is not made at all, and counts as not completed
                journey.failure = "not started: " + maxInFlight + " journeys still in progress " + maxLag.toSeconds()
                        + " s after it was due";
                finished.countDown();
                continue;
            }
            journey.launchedAt = System.currentTimeMillis();
            walk(accounts.get(i), journey).whenComplete((done, failure) -> {
                if (failure != null && journey.failure == null) {
                    journey.failure = "error: " + rootMessage(failure);
                }
                inFlight.release();
                finished.countDown();
            });
        }
        finished.await();
        return new Schedule(startEpoch, startEpoch + (long) (warmup * 1000 / rate),
                startEpoch + (long) (accounts.size() * 1000 / rate));
    }

    private CompletableFuture<Void> walk(ParticipantAccounts.Account account, Journey journey) {
        String token = account.token();
        long[] mark = {System.nanoTime()};
        return http.sendAsync(LocalHttp.json(assessment + "/api/v1/assessments", token, "POST", null).build())
                .thenCompose(started -> {
                    journey.startMillis = elapsedMillis(mark);
                    JsonNode view = expect(started, 201, "start", journey);
                    journey.assessmentId = UUID.fromString(view.path("id").asText());
                    journey.participantId = UUID.fromString(view.path("participantId").asText());
                    return http.sendAsync(LocalHttp.json(assessment + "/api/v1/assessments/" + journey.assessmentId
                            + "/responses", token, "PUT", responses(account.index())).build());
                })
                .thenCompose(saved -> {
                    journey.saveMillis = elapsedMillis(mark);
                    expect(saved, 200, "save", journey);
                    return http.sendAsync(LocalHttp.json(assessment + "/api/v1/assessments/" + journey.assessmentId
                            + "/completion", token, "POST", null).build());
                })
                .thenAccept(completed -> {
                    journey.completeMillis = elapsedMillis(mark);
                    JsonNode result = expect(completed, 200, "complete", journey);
                    journey.answeredAt = System.currentTimeMillis();
                    // The server's completion time: on a saturated machine the 200 reaches the driver seconds after
                    // the commit, by when the match may already exist; latencies count from the commit.
                    String serverTime = result == null ? "" : result.path("completedAt").asText("");
                    journey.completedAt = serverTime.isEmpty() ? journey.answeredAt
                            : Instant.parse(serverTime).toEpochMilli();
                });
    }

    /** Every answer, 1 to 4 goals and the preferences, varied per participant but the same for each run. */
    private Map<String, Object> responses(int index) {
        Random random = new Random(index * 7919L + 17);
        Map<String, Integer> answers = new LinkedHashMap<>();
        for (String id : itemIds) {
            answers.put(id, 1 + random.nextInt(5));
        }
        List<String> goals = new ArrayList<>(MentorSupply.GOALS);
        Collections.shuffle(goals, random);
        List<String> languages = new ArrayList<>(List.of("en"));
        if (random.nextInt(3) == 0) {
            languages.add(MentorSupply.OTHER_LANGUAGES.get(random.nextInt(MentorSupply.OTHER_LANGUAGES.size())));
        }
        Map<String, Object> preferences = new LinkedHashMap<>();
        preferences.put("field", MentorSupply.FIELDS.get(random.nextInt(MentorSupply.FIELDS.size())));
        preferences.put("languages", languages);
        preferences.put("timeZone", MentorSupply.ZONES.get(random.nextInt(MentorSupply.ZONES.size())));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("version", instrumentVersion);
        body.put("answers", answers);
        body.put("goals", goals.subList(0, 1 + random.nextInt(goals.size())));
        body.put("preferences", preferences);
        return body;
    }

    private static JsonNode expect(HttpResponse<String> response, int status, String step, Journey journey) {
        if (response.statusCode() != status) {
            journey.failure = step + " HTTP " + response.statusCode();
            throw new IllegalStateException(journey.failure);
        }
        try {
            String body = response.body();
            return body == null || body.isBlank() ? null : LocalHttp.JSON.readTree(body);
        } catch (IOException e) {
            journey.failure = step + " unreadable body";
            throw new IllegalStateException(journey.failure, e);
        }
    }

    private static long elapsedMillis(long[] mark) {
        long now = System.nanoTime();
        long millis = (now - mark[0]) / 1_000_000;
        mark[0] = now;
        return millis;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }
}
