package dev.sparks.platform.faults;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparks.platform.faults.LocalInfrastructure.Component;
import dev.sparks.platform.faults.PipelineAudit.Figures;
import dev.sparks.platform.harness.Api;
import dev.sparks.platform.harness.AssessmentTaker;
import dev.sparks.platform.harness.Eventually;
import dev.sparks.platform.harness.Keycloak;
import dev.sparks.platform.harness.Platform;
import dev.sparks.platform.harness.Project;
import dev.sparks.platform.harness.Service;
import dev.sparks.platform.harness.ServiceInstance;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 8's faults, each against a burst of {@value #BURST} completed assessments on the packaged services: a
 * service killed with SIGKILL and restarted, the Kafka broker stopped for 30 s, the SMTP server stopped for 60 s,
 * PostgreSQL restarted, two replicas each of matching-service and notification-service, and (beyond the issue's
 * list, as the regression test of the two bugs it exposed) PostgreSQL stopped for 90 s. Each test ends with
 * {@link PipelineAudit}: every completed assessment produced exactly one match or waiting-list entry, and every
 * match exactly one invitation in the participant's inbox; nothing lost, nothing doubled. The figures of every
 * fault are printed and written to {@code target/fault-results.md}.
 *
 * <p>One platform serves all the faults (it takes a minute or two to start on a loaded machine); each test has its
 * own participants (fresh Keycloak users, so fresh inboxes) and adds its own mentors, so the places always exceed
 * the burst. The Kafka and SMTP tests stop the components that deploy/local/infra-up started from this clone and
 * start them again, whatever happens; a component run from elsewhere cannot be stopped, and the test is then
 * skipped with the reason. Stopping Kafka, GreenMail or PostgreSQL disturbs anything else using them at the time:
 * in CI nothing else runs while this module's tests do.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultToleranceIT {

    static final int BURST = 60;
    /** The fault strikes once a third of the burst was completed. */
    static final int FAULT_AFTER = BURST / 3;
    static final Duration KAFKA_OUTAGE = Duration.ofSeconds(30);
    static final Duration SMTP_OUTAGE = Duration.ofSeconds(60);
    static final Duration POSTGRES_OUTAGE = Duration.ofSeconds(90);
    /**
     * A bound on waiting for the pipeline to settle, not an expectation: after an SMTP outage the mail retries
     * back off (30 s, then 60 s, ...), and a killed consumer's partitions move only after its session times out.
     */
    static final Duration SETTLE_PATIENCE = Duration.ofMinutes(12);
    private static final int MENTOR_CAPACITY = 10;

    private static final Keycloak KEYCLOAK = new Keycloak();
    private static Platform platform;
    private static FaultResults results;

    @BeforeAll
    static void startPlatform() {
        results = FaultResults.inTarget();
        platform = Platform.start();
    }

    @AfterAll
    static void stopPlatform() {
        if (platform != null) {
            platform.close();
        }
        if (results != null) {
            System.out.println(System.lineSeparator() + results.table() + "(also in " + results.file() + ")");
        }
    }

    @Order(1)
    @ParameterizedTest(name = "kill -9 {0} in the middle of a burst, then restart it")
    @EnumSource(Service.class)
    void serviceKilledAndRestarted(Service service) throws Exception {
        ServiceInstance victim = platform.instance(service);
        faultHitsBurst("kill -9 " + service.module() + " mid-burst, restart", "kill-" + service.name().toLowerCase(),
                () -> {
                    long killedAt = System.nanoTime();
                    victim.kill();
                    victim.restart();
                    return service.module() + " killed at completion " + FAULT_AFTER + ", ready again after "
                            + seconds(System.nanoTime() - killedAt);
                });
    }

    @Order(2)
    @Test
    void twoReplicasEachOfMatchingAndNotification() throws Exception {
        String fault = "two replicas each of matching-service and notification-service";
        String assessments = "sparks.assessments";
        String matches = "sparks.matches";
        String matchingGroup = platform.groupId(Service.MATCHING);
        String notificationGroup = platform.groupId(Service.NOTIFICATION);
        // However many consumers one instance runs per channel, the second instance's join the same group.
        long matchingAlone = membersHolding(matchingGroup, assessments);
        long notificationAlone = membersHolding(notificationGroup, matches);
        ServiceInstance matching = null;
        ServiceInstance notification = null;
        try {
            try {
                matching = platform.startReplica(Service.MATCHING);
                notification = platform.startReplica(Service.NOTIFICATION);
                // Both replicas of each consume before the burst: the second one's consumers hold partitions too.
                Eventually.until("the second matching-service's consumers share " + assessments,
                        Duration.ofMinutes(3), () -> membersHolding(matchingGroup, assessments) > matchingAlone);
                Eventually.until("the second notification-service's consumers share " + matches,
                        Duration.ofMinutes(3), () -> membersHolding(notificationGroup, matches) > notificationAlone);
            } catch (RuntimeException | AssertionError e) {
                results.record(fault, null, "failed before the burst: " + e);
                throw e;
            }
            faultHitsBurst(fault, "replicas", () -> "two instances of each; consumers holding partitions of "
                    + assessments + " " + matchingAlone + " with one matching-service, "
                    + membersHolding(matchingGroup, assessments) + " with two; of " + matches + " "
                    + notificationAlone + " with one notification-service, " + membersHolding(notificationGroup,
                    matches) + " with two; the mail senders of both work the same queue");
        } finally {
            if (matching != null) {
                matching.stop();
            }
            if (notification != null) {
                notification.stop();
            }
        }
    }

    @Order(3)
    @Test
    void smtpServerDownForAMinute() throws Exception {
        String fault = "SMTP server stopped for " + SMTP_OUTAGE.toSeconds() + " s";
        skipUnlessStoppable(fault, Component.GREENMAIL);
        // GreenMail keeps received mail in memory only, so a stop loses what it held: the outage starts before
        // this burst's first completion, so that every invitation of the burst is sent (or retried) while it is
        // down or after it is back, and every one can be counted in the inboxes.
        long[] stoppedAt = new long[1];
        try {
            Figures figures = faultHitsBurst(fault, "smtp", () -> {
                LocalInfrastructure.stop(Component.GREENMAIL);
                stoppedAt[0] = System.nanoTime();
            }, () -> {
                Eventually.pause(Duration.ofNanos(Math.max(0,
                        stoppedAt[0] + SMTP_OUTAGE.toNanos() - System.nanoTime())));
                LocalInfrastructure.start(Component.GREENMAIL);
                return "GreenMail stopped before the burst, started again at completion " + FAULT_AFTER + "+, "
                        + seconds(System.nanoTime() - stoppedAt[0]) + " after the stop";
            });
            assertThat(figures.failedMailAttempts()).as("invitations that met the stopped SMTP server").isPositive();
        } finally {
            LocalInfrastructure.start(Component.GREENMAIL); // a no-op when it runs; never leave it stopped
        }
    }

    @Order(4)
    @Test
    void kafkaBrokerDownForThirtySeconds() throws Exception {
        String fault = "Kafka broker stopped for " + KAFKA_OUTAGE.toSeconds() + " s mid-burst";
        skipUnlessStoppable(fault, Component.KAFKA);
        try {
            faultHitsBurst(fault, "kafka", () -> {
                LocalInfrastructure.stop(Component.KAFKA);
                long stoppedAt = System.nanoTime();
                Eventually.pause(KAFKA_OUTAGE);
                LocalInfrastructure.start(Component.KAFKA);
                return "broker stopped at completion " + FAULT_AFTER + ", answering again after "
                        + seconds(System.nanoTime() - stoppedAt);
            });
        } finally {
            LocalInfrastructure.start(Component.KAFKA); // a no-op when it runs; never leave it stopped
        }
    }

    @Order(5)
    @Test
    void postgresRestartedMidBurst() throws Exception {
        String fault = "PostgreSQL restarted mid-burst";
        Optional<String> why = LocalInfrastructure.whyPostgresNotRestartable();
        if (why.isPresent()) {
            results.skipped(fault, why.get());
            Assumptions.abort(why.get());
        }
        faultHitsBurst(fault, "postgres", () -> {
            long restartAt = System.nanoTime();
            LocalInfrastructure.restartPostgres();
            return "pg_ctlcluster restart (fast shutdown) at completion " + FAULT_AFTER + ", accepting connections "
                    + "again after " + seconds(System.nanoTime() - restartAt);
        });
    }

    /**
     * Beyond issue 8's list: PostgreSQL away for longer than a minute. The Kafka connector's 60 s watchdog on
     * unacknowledged records used to close every consumer that held an event while the database was away (the inbox
     * retries such an event until the database is back), so consumption stopped for good; and an email whose
     * sending transaction lost the database after the SMTP server accepted it was sent twice.
     */
    @Order(6)
    @Test
    void postgresDownForNinetySecondsMidBurst() throws Exception {
        String fault = "PostgreSQL stopped for " + POSTGRES_OUTAGE.toSeconds() + " s mid-burst";
        Optional<String> why = LocalInfrastructure.whyPostgresNotRestartable();
        if (why.isPresent()) {
            results.skipped(fault, why.get());
            Assumptions.abort(why.get());
        }
        try {
            faultHitsBurst(fault, "postgres-down", () -> {
                LocalInfrastructure.stopPostgres();
                long stoppedAt = System.nanoTime();
                Eventually.pause(POSTGRES_OUTAGE);
                LocalInfrastructure.startPostgres();
                return "pg_ctlcluster stop at completion " + FAULT_AFTER + ", accepting connections again after "
                        + seconds(System.nanoTime() - stoppedAt);
            });
        } finally {
            LocalInfrastructure.startPostgres(); // a no-op when it runs; never leave it stopped
        }
    }

    // ------------------------------------------------------------------------------------------------ the burst

    /** The part of a fault that comes before the burst, if any. */
    @FunctionalInterface
    private interface BeforeBurst {
        void begin() throws Exception;
    }

    private static Figures faultHitsBurst(String fault, String key, CompletionBurst.Fault inTheMiddle)
            throws Exception {
        return faultHitsBurst(fault, key, () -> {
        }, inTheMiddle);
    }

    /**
     * Adds mentors, prepares the burst's participants, begins the fault if it begins before the burst, runs the
     * burst with the fault's middle part once a third of it was answered, waits for the pipeline to settle, records
     * the figures and only then asserts them.
     */
    private static Figures faultHitsBurst(String fault, String key, BeforeBurst before,
            CompletionBurst.Fault inTheMiddle) throws Exception {
        String tag = key + "-" + UUID.randomUUID().toString().substring(0, 4);
        CompletionBurst burst;
        try {
            awaitEveryInstanceReady();
            addMentors(tag, BURST / MENTOR_CAPACITY + 1);
            burst = CompletionBurst.prepare(platform.url(Service.ASSESSMENT), KEYCLOAK, "ft-" + tag, BURST);
        } catch (Exception | AssertionError e) {
            results.record(fault, null, "failed before the burst: " + e);
            throw e;
        }
        Figures figures;
        try {
            String happened;
            try {
                before.begin();
                happened = burst.run(FAULT_AFTER, inTheMiddle);
            } catch (Exception | AssertionError e) {
                results.record(fault, null, "failed during the burst: " + e);
                throw e;
            }
            figures = PipelineAudit.settle(platform, burst.participants(), SETTLE_PATIENCE);
            results.record(fault, figures, happened + "; " + burst.retried() + " completion call(s) sent again; "
                    + (figures.settled() ? "settled " : "NOT settled ") + seconds(figures.settling().toNanos())
                    + " after the burst" + (figures.failedMailAttempts() == 0 ? ""
                            : "; " + figures.failedMailAttempts() + " failed SMTP attempt(s) retried")
                    + (figures.waitingReasons().isEmpty() ? ""
                            : "; waiting because " + figures.waitingReasons()) + (figures.foreignMails() == 0 ? ""
                            : "; " + figures.foreignMails() + " invitation mail(s) from services outside this platform"
                            + " ignored"));
        } finally {
            burst.deleteUsers(KEYCLOAK);
        }
        String report = String.join(System.lineSeparator(), figures.findings());
        assertThat(figures.assessmentsIn()).as("completions stored by assessment-service").isEqualTo(BURST);
        assertThat(figures.lost()).as("lost after \"%s\":%n%s", fault, report).isZero();
        assertThat(figures.doubled()).as("doubled after \"%s\":%n%s", fault, report).isZero();
        assertThat(figures.settled()).as("settled within %s after \"%s\":%n%s", SETTLE_PATIENCE, fault, report)
                .isTrue();
        assertThat(figures.matches() + figures.waiting()).as("decisions").isEqualTo(BURST);
        assertThat(figures.invitations()).as("invitations, one per match").isEqualTo(figures.matches());
        return figures;
    }

    private static void skipUnlessStoppable(String fault, Component component) {
        Optional<String> why = LocalInfrastructure.whyNotStoppable(component);
        if (why.isPresent()) {
            results.skipped(fault, why.get());
            Assumptions.abort(why.get());
        }
    }

    /**
     * After a fault, the next one starts only when every running instance is ready again; a first instance that a
     * failed test left dead is started again, so one failure does not fail every later fault too.
     */
    private static void awaitEveryInstanceReady() {
        for (Service service : Service.values()) {
            for (ServiceInstance instance : platform.instances(service)) {
                if (instance.isRunning()) {
                    Eventually.until(instance + " ready", Duration.ofMinutes(3), instance::ready);
                } else if (instance.replica() == 1) {
                    instance.restart();
                }
            }
        }
    }

    /**
     * HR imports {@code count} mentors of capacity {@value #MENTOR_CAPACITY} whom every participant fits (every
     * goal offered, English, a neighbouring time zone), and matching-service learns of them before the burst.
     */
    private static void addMentors(String tag, int count) {
        Api hr = Api.of(platform.url(Service.MENTOR), Keycloak.hrToken());
        List<String> traits = AssessmentTaker.of(platform.url(Service.ASSESSMENT), Keycloak.hrToken()).traits();
        Random random = new Random(tag.hashCode());
        List<Map<String, Object>> drafts = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Map<String, Integer> strengths = new LinkedHashMap<>();
            traits.forEach(trait -> strengths.put(trait, 2 + random.nextInt(4)));
            Map<String, Object> mentor = new LinkedHashMap<>();
            mentor.put("externalId", "FT-%s-M%02d".formatted(tag, i));
            mentor.put("name", "Mentor %02d %s".formatted(i, tag));
            mentor.put("email", "mentor-%02d-%s@platform.sparks.test".formatted(i, tag));
            mentor.put("field", List.of("BUSINESS", "HEALTHCARE", "EDUCATION", "TECHNOLOGY", "OTHER").get(i % 5));
            mentor.put("seniority", "Director");
            mentor.put("languages", List.of("en"));
            mentor.put("timeZone", AssessmentTaker.TIME_ZONES.get(i % AssessmentTaker.TIME_ZONES.size()));
            mentor.put("bio", "Has led teams through growth and change.");
            mentor.put("strengths", strengths);
            mentor.put("offerings", List.of("CAREER_ADVICE", "NETWORKING", "RESUME_HELP", "SUPPORT_AND_INSIGHT"));
            mentor.put("capacity", MENTOR_CAPACITY);
            drafts.add(mentor);
        }
        JsonNode report = hr.post("/api/v1/mentor-imports", Map.of("mentors", drafts)).expect(200);
        assertThat(report.path("created").asInt()).as("mentor import %s", report).isEqualTo(count);
        Set<UUID> ids = new HashSet<>();
        report.path("rows").forEach(row -> ids.add(UUID.fromString(row.path("mentorId").asText())));
        Eventually.until("matching-service knows the " + count + " new mentors", Duration.ofMinutes(5),
                () -> platform.database(Service.MATCHING).count("select count(*) from mentor where id = any(?)", ids)
                        == count);
    }

    /** Members of the consumer group that hold at least one partition of {@code topic}. */
    private static long membersHolding(String group, String topic) {
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Project.KAFKA_BOOTSTRAP);
        try (Admin admin = Admin.create(settings)) {
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all()
                    .get(30, TimeUnit.SECONDS).get(group);
            return description.members().stream().filter(member -> member.assignment().topicPartitions().stream()
                    .anyMatch(partition -> partition.topic().equals(topic))).count();
        } catch (Exception e) {
            throw new IllegalStateException("cannot describe consumer group " + group, e);
        }
    }

    private static String seconds(long nanos) {
        return "%.0f s".formatted(nanos / 1e9);
    }
}
