package dev.sparks.platform.faults;

import dev.sparks.platform.harness.Api;
import dev.sparks.platform.harness.AssessmentTaker;
import dev.sparks.platform.harness.AssessmentTaker.Answered;
import dev.sparks.platform.harness.Eventually;
import dev.sparks.platform.harness.Keycloak;
import dev.sparks.platform.harness.Keycloak.TestUser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A burst of completed assessments from new participants, with a fault injected in the middle of it.
 *
 * <p>The participants (fresh Keycloak users, so their inboxes are empty) start and answer their assessments
 * beforehand; the burst itself is only the completions, one started every {@link #PACE}, a few in flight at a
 * time, as people finishing their assessments one after another. A completion that fails because a component is
 * down (no answer, a 5xx) is sent again, as the front-end does: completing is idempotent, so a completion whose
 * answer was lost is answered from the stored result and emits nothing twice.
 */
final class CompletionBurst {

    /** One completion every half second: a burst of 60 lasts about 30 s, long enough to fail something in it. */
    static final Duration PACE = Duration.ofMillis(500);
    private static final int IN_FLIGHT = 4;
    /** A completion is retried this long: over any fault here plus a restart on a loaded machine. */
    private static final Duration RETRY_PATIENCE = Duration.ofMinutes(10);

    /** The fault, run on the test's thread while the completions continue on theirs; says what it did. */
    @FunctionalInterface
    interface Fault {
        String inject() throws Exception;
    }

    private final String assessmentUrl;
    private final List<TestUser> users;
    private final List<Answered> answered;
    private final AtomicInteger completed = new AtomicInteger();
    private final AtomicInteger retried = new AtomicInteger();

    private CompletionBurst(String assessmentUrl, List<TestUser> users, List<Answered> answered) {
        this.assessmentUrl = assessmentUrl;
        this.users = users;
        this.answered = answered;
    }

    /** Creates {@code size} participants in Keycloak and has each start and answer an assessment. */
    static CompletionBurst prepare(String assessmentUrl, Keycloak keycloak, String prefix, int size)
            throws Exception {
        List<TestUser> users = keycloak.createUsers(prefix, "participant", size);
        try {
            AssessmentTaker taker = AssessmentTaker.of(assessmentUrl, users.get(0).token());
            ExecutorService pool = Executors.newFixedThreadPool(IN_FLIGHT);
            try {
                List<Future<Answered>> futures = new ArrayList<>();
                for (int i = 0; i < users.size(); i++) {
                    TestUser user = users.get(i);
                    long seed = prefix.hashCode() * 31L + i;
                    futures.add(pool.submit(() -> taker.answer(user, seed, List.of("en"))));
                }
                List<Answered> answered = new ArrayList<>();
                for (Future<Answered> future : futures) {
                    answered.add(future.get());
                }
                return new CompletionBurst(assessmentUrl, users, answered);
            } finally {
                pool.shutdownNow();
            }
        } catch (Exception | Error e) {
            keycloak.delete(users);
            throw e;
        }
    }

    List<Answered> participants() {
        return answered;
    }

    /** Completion calls that were sent again after a failure (no answer or a 5xx). */
    int retried() {
        return retried.get();
    }

    /**
     * Sends every completion; once {@code faultAfter} of them were answered, injects the fault on this thread
     * while the rest continue. Returns what the fault did, when it is over and every completion was answered 200.
     */
    String run(int faultAfter, Fault fault) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(IN_FLIGHT);
        List<Future<?>> completions = new CopyOnWriteArrayList<>();
        Thread pacer = new Thread(() -> {
            try {
                for (Answered participant : answered) {
                    completions.add(senders.submit(() -> complete(participant)));
                    Thread.sleep(PACE.toMillis());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "completion-pacer");
        List<Future<?>> submitted;
        String happened;
        try {
            pacer.start();
            Eventually.until(faultAfter + " completions answered before the fault", Duration.ofMinutes(5),
                    () -> completed.get() >= faultAfter);
            happened = fault.inject();
            pacer.join(RETRY_PATIENCE.toMillis());
            submitted = List.copyOf(completions);
            for (Future<?> completion : submitted) {
                completion.get(RETRY_PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (ExecutionException e) {
            throw new AssertionError("a completion was not accepted: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("completions still unanswered after " + RETRY_PATIENCE, e);
        } finally {
            pacer.interrupt();
            senders.shutdownNow();
        }
        if (submitted.size() != answered.size()) {
            throw new AssertionError("only " + submitted.size() + " of " + answered.size() + " completions sent");
        }
        return happened;
    }

    /** Deletes the participants from Keycloak (their data in the services stays, for a look after a failure). */
    void deleteUsers(Keycloak keycloak) {
        keycloak.delete(users);
    }

    private void complete(Answered participant) {
        long deadline = System.nanoTime() + RETRY_PATIENCE.toNanos();
        String path = "/api/v1/assessments/" + participant.assessmentId() + "/completion";
        String lastFailure = null;
        while (System.nanoTime() < deadline) {
            try {
                Api.Answer answer = Api.of(assessmentUrl, participant.user().token()).post(path, null);
                if (answer.status() == 200) {
                    completed.incrementAndGet();
                    return;
                }
                if (answer.status() < 500) {
                    // 4xx: the request itself is wrong; sending it again changes nothing
                    throw new IllegalStateException("completion of " + participant.assessmentId() + " answered "
                            + answer.status() + ": " + answer.text());
                }
                lastFailure = answer.status() + ": " + answer.text();
            } catch (IllegalStateException e) {
                if (e.getCause() == null) {
                    throw e;
                }
                lastFailure = e.getMessage() + ": " + e.getCause(); // no answer: the service is down
            }
            retried.incrementAndGet();
            Eventually.pause(Duration.ofSeconds(1));
        }
        throw new IllegalStateException("completion of " + participant.assessmentId() + " not accepted within "
                + RETRY_PATIENCE + "; last failure " + lastFailure);
    }
}
