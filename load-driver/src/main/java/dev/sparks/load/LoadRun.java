package dev.sparks.load;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One load run against the platform that deploy/local/run started: mentors and participants are provisioned, then
 * participants complete assessments at the offered rate through the whole pipeline, the driver waits for the last
 * invitations, reads the outcome from the SMTP server and the services' databases, measures PostgreSQL's ceiling
 * with pgbench, cleans up, and writes the results file.
 */
public final class LoadRun {

    private static final int TOKEN_LIFETIME_SECONDS = 900;
    /** Renewed tokens are good for this long after the arrivals begin, covering renewal and start-up. */
    private static final int RENEW_MARGIN_SECONDS = 120;

    private final LoadOptions options;
    private final String runId;
    private final RunReport report;

    private LoadRun(LoadOptions options) {
        this.options = options;
        this.runId = "load-" + Long.toString(System.currentTimeMillis() / 1000, 36);
        this.report = new RunReport(options, runId);
    }

    public static void main(String[] args) {
        Path root = Path.of(System.getProperty("sparks.root", ".")).toAbsolutePath().normalize();
        LoadOptions options;
        try {
            options = LoadOptions.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try {
            new LoadRun(options).run();
        } catch (Exception e) {
            System.err.println("load run failed: " + e.getMessage());
            e.printStackTrace(System.err);
            System.exit(1);
        }
    }

    private void run() throws Exception {
        LoadOptions.Endpoints endpoints = options.endpoints();
        report.command = System.getProperty("sparks.command", "deploy/local/load");
        report.machine = RunReport.Machine.describe();
        log("run %s: %d participants (%d warm-up, %d measured) at %.0f/s", runId, options.participants(),
                options.warmupParticipants(), options.windowParticipants(), options.rate());
        try (LocalHttp http = new LocalHttp(4); LocalHttp watchHttp = new LocalHttp(2)) {
            requireReady(http);
            CpuMeter cpu = new CpuMeter(options.root());
            report.componentsFound = cpu.found();

            MentorSupply mentors = new MentorSupply(http, endpoints);
            List<UUID> leftovers = mentors.leftovers();
            if (!leftovers.isEmpty()) {
                log("retiring %d load mentors an earlier run left matchable", leftovers.size());
                report.leftoverMentorsRetired = mentors.retire(leftovers, 8);
            }
            ParticipantAccounts accounts = new ParticipantAccounts(http, endpoints.keycloak());
            List<UUID> mentorIds = new ArrayList<>();
            List<String> keycloakIds = new ArrayList<>();
            try {
                measure(http, watchHttp, cpu, mentors, accounts, mentorIds, keycloakIds);
            } finally {
                // also after a failure, so no run leaves matchable mentors or its users behind
                long t0 = System.nanoTime();
                report.mentorsRetired = mentors.retire(mentorIds, 8);
                report.retireSeconds = seconds(t0);
                if (!options.keepUsers()) {
                    t0 = System.nanoTime();
                    report.usersDeleted = accounts.deleteUsers(keycloakIds, 8);
                    report.deleteSeconds = seconds(t0);
                }
            }
        }
        Files.createDirectories(options.out().getParent());
        Files.writeString(options.out(), report.markdown());
        System.out.println();
        System.out.println(report.summary());
        System.out.println("results: " + options.root().relativize(options.out()));
    }

    /** Everything between the provisioning of the run's mentors and pgbench; fills the report. */
    private void measure(LocalHttp http, LocalHttp watchHttp, CpuMeter cpu, MentorSupply mentors,
            ParticipantAccounts accounts, List<UUID> mentorIds, List<String> keycloakIds) throws Exception {
        LoadOptions.Endpoints endpoints = options.endpoints();
        int mentorCount = options.mentors() > 0 ? options.mentors()
                : MentorSupply.mentorsFor(options.participants());
        CpuMeter.Snapshot before = cpu.snapshot();
        long t0 = System.nanoTime();
        mentorIds.addAll(mentors.importMentors(runId, mentorCount));
        double importSeconds = seconds(t0);
        double inMatching = mentors.awaitInMatching(runId, mentorCount, 600_000);
        report.setup.add(RunReport.Step.of("mentors imported (HR API, 5,000 per request)", mentorCount,
                importSeconds, before, cpu.snapshot(), "mentor-service"));
        report.setup.add(new RunReport.Step("... and in matching's read model (via Kafka)", mentorCount,
                inMatching, Map.of(), 0));
        log("%d mentors (capacity %d each) imported in %.1f s, in matching after another %.1f s", mentorCount,
                MentorSupply.CAPACITY, importSeconds, inMatching);

        before = cpu.snapshot();
        t0 = System.nanoTime();
        keycloakIds.addAll(accounts.createUsers(runId, options.participants()));
        CpuMeter.Snapshot afterUsers = cpu.snapshot();
        report.setup.add(RunReport.Step.of("Keycloak users (admin partial import, 500 per request)",
                keycloakIds.size(), seconds(t0), before, afterUsers, "keycloak"));
        log("%d Keycloak users in %.1f s", keycloakIds.size(), seconds(t0));
        t0 = System.nanoTime();
        List<ParticipantAccounts.Account> tokens = accounts.issueTokens(runId, keycloakIds, 16);
        double tokenSeconds = seconds(t0);
        report.setup.add(RunReport.Step.of("user tokens (impersonation session + code flow with PKCE)",
                tokens.size(), tokenSeconds, afterUsers, cpu.snapshot(), "keycloak"));
        log("%d tokens in %.1f s (%.0f/s)", tokens.size(), tokenSeconds, tokens.size() / tokenSeconds);
        // a token issued early in a long provisioning would expire before its participant arrives: renew those
        long windowFrom = System.currentTimeMillis() + 5_000;
        int[] renewed = {0};
        tokens = accounts.renew(tokens, account -> {
            boolean due = ageAtUse(account, windowFrom) > TOKEN_LIFETIME_SECONDS - RENEW_MARGIN_SECONDS;
            renewed[0] += due ? 1 : 0;
            return due;
        }, 16);
        report.tokensRenewed = renewed[0];
        if (renewed[0] > 0) {
            log("renewed %d tokens that would have expired before their participants arrived", renewed[0]);
        }
        double oldestAtUse = tokens.stream().mapToDouble(account -> ageAtUse(account, System.currentTimeMillis()
                + 2_000)).max().orElse(0);
        report.oldestTokenAgeSeconds = oldestAtUse;
        if (oldestAtUse > TOKEN_LIFETIME_SECONDS - 30) {
            throw new IllegalStateException(String.format("tokens would be %.0f s old when used, beyond the "
                    + "realm's %d s: lower --rate or --duration", oldestAtUse, TOKEN_LIFETIME_SECONDS));
        }

        AssessmentJourneys journeys = AssessmentJourneys.forInstrument(http, endpoints.assessment(),
                tokens.get(0).token());
        List<AssessmentJourneys.Journey> log = new CopyOnWriteArrayList<>();
        CpuSampler sampler = new CpuSampler(cpu);
        try (MailWatch watch = new MailWatch(watchHttp, endpoints.greenmailApi(), runId)) {
            watch.start();
            sampler.start();
            log("measuring: %.0f s warm-up, then %.0f s", options.warmup().toMillis() / 1000.0,
                    options.duration().toMillis() / 1000.0);
            AssessmentJourneys.Schedule schedule = journeys.run(tokens, options.warmupParticipants(),
                    options.rate(), options.maxInFlight(), options.maxLag(), log);
            report.schedule = schedule;
            long lastArrivalDone = System.currentTimeMillis();
            log("all journeys answered %.1f s after the last arrival was due; draining",
                    (lastArrivalDone - schedule.windowEnd()) / 1000.0);
            drain(log, watch, new PipelineAudit(endpoints));
            report.drainSeconds = (System.currentTimeMillis() - lastArrivalDone) / 1000.0;
            long drained = System.currentTimeMillis();
            Thread.sleep(2 * MailWatch.POLL_MILLIS + 1500);
            sampler.close();
            report.cpuWholeRun = sampler.between(schedule.firstArrival(), drained);
            report.cpuWholeRunSeconds = sampler.windowSeconds(schedule.firstArrival(), drained);
            report.cpuWindow = sampler.between(schedule.windowStart(), schedule.windowEnd());
            report.cpuWindowSeconds = sampler.windowSeconds(schedule.windowStart(), schedule.windowEnd());
            report.busyPeak = sampler.peakBusy(schedule.windowStart(), schedule.windowEnd());
            report.journeys = new ArrayList<>(log);
            report.sightings = new HashMap<>(watch.sightings());
            report.mailWatchRequests = watch.requests();
            report.mentorMailboxesDeleted = watch.mentorMailboxesDeleted();
            report.mailWatchFailure = watch.failure();
        }
        PipelineAudit audit = new PipelineAudit(endpoints);
        report.traces = audit.traces(runId);
        report.mentorNotices = audit.mentorNotices(report.traces.values().stream()
                .flatMap(trace -> trace.matchIds.stream()).toList());
        report.emails = tokens.stream().map(ParticipantAccounts.Account::email).toList();
        log("audit: %s", report.outcomeLine());

        if (options.pgbench()) {
            log("pgbench on a scratch database (%d s per script)", 30);
            report.pgbench = new PgbenchCeiling(endpoints, 30, 8).measure();
        }
    }

    /**
     * Waits until every completed participant waits for a mentor or has their invitation, as notification-service
     * sent it (by Message-ID), in GreenMail; or until the drain timeout.
     */
    private void drain(List<AssessmentJourneys.Journey> journeys, MailWatch watch, PipelineAudit audit)
            throws Exception {
        List<String> completed = new ArrayList<>();
        for (AssessmentJourneys.Journey journey : journeys) {
            if (journey.completed()) {
                completed.add(ParticipantAccounts.username(runId, journey.index) + "@"
                        + ParticipantAccounts.EMAIL_DOMAIN);
            }
        }
        long deadline = System.currentTimeMillis() + options.drain().toMillis();
        long lastLog = 0;
        while (true) {
            Map<String, PipelineAudit.Trace> traces = audit.traces(runId);
            int invited = 0;
            int waiting = 0;
            for (String email : completed) {
                PipelineAudit.Trace trace = traces.get(email);
                MailWatch.Sighting sighting = watch.sightings().get(email);
                if (trace == null) {
                    continue;
                }
                if (trace.matches() == 0 && trace.waiting != null) {
                    waiting++;
                } else if (trace.messageId != null && sighting != null && sighting.has(trace.messageId)) {
                    invited++;
                }
            }
            long now = System.currentTimeMillis();
            if (invited + waiting >= completed.size()) {
                report.drainComplete = true;
                return;
            }
            if (now > deadline) {
                log("drain timeout: %d of %d completed participants invited or waiting", invited + waiting,
                        completed.size());
                return;
            }
            if (now - lastLog > 10_000) {
                log("draining: %d invited (in GreenMail) + %d waiting of %d completed", invited, waiting,
                        completed.size());
                lastLog = now;
            }
            Thread.sleep(1000);
        }
    }

    /** How old the account's token will be when its participant arrives, if the arrivals begin at {@code start}. */
    private double ageAtUse(ParticipantAccounts.Account account, long start) {
        double useAt = start + account.index() * 1000.0 / options.rate();
        return (useAt - account.tokenIssuedAt()) / 1000.0;
    }

    private void requireReady(LocalHttp http) {
        Map<String, String> checks = Map.of(
                "assessment-service", options.endpoints().assessment() + "/q/health/ready",
                "mentor-service", options.endpoints().mentor() + "/q/health/ready",
                "matching-service", "http://127.0.0.1:" + System.getenv().getOrDefault("SPARKS_MATCHING_PORT", "8083")
                        + "/q/health/ready",
                "notification-service", "http://127.0.0.1:"
                        + System.getenv().getOrDefault("SPARKS_NOTIFICATION_PORT", "8084") + "/q/health/ready",
                "GreenMail", options.endpoints().greenmailApi() + "/api/service/readiness",
                "Keycloak", options.endpoints().keycloak() + "/realms/sparks/.well-known/openid-configuration");
        checks.forEach((name, url) -> {
            HttpResponse<String> response;
            try {
                response = http.send(LocalHttp.request(url).GET().build());
            } catch (IllegalStateException e) {
                throw new IllegalStateException(name + " does not answer at " + url
                        + "; start the platform with deploy/local/run --detach");
            }
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + " is not ready: HTTP " + response.statusCode() + " from " + url);
            }
        });
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    static void log(String format, Object... args) {
        System.out.printf("[load %tT] %s%n", System.currentTimeMillis(), String.format(format, args));
    }
}
