package dev.sparks.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToLongFunction;

/** The figures of one run and the results file made from them. */
final class RunReport {

    /** One provisioning step before the window, with the CPU it cost. */
    record Step(String name, int count, double seconds, Map<String, Double> cpu, double machineCpu) {

        static Step of(String name, int count, double seconds, CpuMeter.Snapshot before, CpuMeter.Snapshot after,
                String mainPart) {
            Map<String, Double> used = after.since(before);
            return new Step(name + " [CPU: " + mainPart + "]", count, seconds,
                    Map.of(mainPart, used.getOrDefault(mainPart, 0.0)), after.busy() - before.busy());
        }
    }

    /** The machine the run was on. */
    record Machine(int cores, long memoryMiB, String loadBefore, String java, String os) {

        static Machine describe() {
            long memoryKiB = 0;
            String load = "?";
            try {
                for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                    if (line.startsWith("MemTotal:")) {
                        memoryKiB = Long.parseLong(line.replaceAll("[^0-9]", ""));
                    }
                }
                String[] avg = Files.readString(Path.of("/proc/loadavg")).split(" ");
                load = avg[0] + " / " + avg[1] + " / " + avg[2];
            } catch (IOException | RuntimeException e) {
                // not Linux: the report says "?"
            }
            return new Machine(Runtime.getRuntime().availableProcessors(), memoryKiB / 1024, load,
                    System.getProperty("java.vm.name") + " " + System.getProperty("java.version"),
                    System.getProperty("os.name") + " " + System.getProperty("os.version"));
        }
    }

    final LoadOptions options;
    final String runId;
    String command;
    Machine machine;
    List<String> componentsFound = List.of();
    int leftoverMentorsRetired;
    final List<Step> setup = new ArrayList<>();
    double oldestTokenAgeSeconds;
    int tokensRenewed;
    AssessmentJourneys.Schedule schedule;
    List<AssessmentJourneys.Journey> journeys = List.of();
    Map<String, MailWatch.Sighting> sightings = Map.of();
    Map<String, PipelineAudit.Trace> traces = Map.of();
    Map<String, Integer> mentorNotices = Map.of();
    List<String> emails = List.of();
    double drainSeconds;
    boolean drainComplete;
    Map<String, Double> cpuWindow = Map.of();
    double cpuWindowSeconds;
    Map<String, Double> cpuWholeRun = Map.of();
    double cpuWholeRunSeconds;
    double busyPeak;
    long mailWatchRequests;
    long mentorMailboxesDeleted;
    String mailWatchFailure;
    List<PgbenchCeiling.Result> pgbench = List.of();
    int mentorsRetired;
    double retireSeconds;
    int usersDeleted = -1;
    double deleteSeconds;

    RunReport(LoadOptions options, String runId) {
        this.options = options;
        this.runId = runId;
    }

    private String email(AssessmentJourneys.Journey journey) {
        return emails.get(journey.index);
    }

    private List<AssessmentJourneys.Journey> measured() {
        return journeys.stream().filter(j -> j.measured).toList();
    }

    private long completionsInWindow() {
        return journeys.stream().filter(j -> j.completed() && j.completedAt >= schedule.windowStart()
                && j.completedAt < schedule.windowEnd()).count();
    }

    double achievedRate() {
        return completionsInWindow() / (options.duration().toMillis() / 1000.0);
    }

    /** Completion (the 200 of POST .../completion) to the SMTP server's acceptance of the invitation. */
    Percentiles invitationLatency() {
        return latency(j -> {
            PipelineAudit.Trace trace = traces.get(email(j));
            return trace == null || trace.sentAt == 0 ? Long.MIN_VALUE : trace.sentAt - j.completedAt;
        });
    }

    private Percentiles latency(ToLongFunction<AssessmentJourneys.Journey> measure) {
        List<Long> values = new ArrayList<>();
        for (AssessmentJourneys.Journey journey : measured()) {
            if (journey.completed()) {
                long value = measure.applyAsLong(journey);
                if (value != Long.MIN_VALUE) {
                    values.add(value);
                }
            }
        }
        return Percentiles.of(values);
    }

    /** Outcome counts over every participant of the run, warm-up included. */
    private final class Outcomes {
        int completed;
        int failed;
        int matched;
        int waiting;
        int invited;
        int seen;
        int unconfirmed;
        int foreignInvitations;
        int foreignMails;
        int unexpectedMails;
        final Map<String, Integer> lost = new TreeMap<>();
        final Map<String, Integer> doubled = new TreeMap<>();
        final Map<String, Integer> failures = new TreeMap<>();

        Outcomes() {
            for (AssessmentJourneys.Journey journey : journeys) {
                if (!journey.completed()) {
                    failed++;
                    failures.merge(journey.failure == null ? "unfinished" : journey.failure, 1, Integer::sum);
                    continue;
                }
                completed++;
                String email = email(journey);
                PipelineAudit.Trace trace = traces.get(email);
                MailWatch.Sighting sighting = sightings.get(email);
                boolean isMatched = trace != null && trace.matches() > 0;
                boolean isWaiting = trace != null && trace.waiting != null && !isMatched;
                boolean isSent = trace != null && trace.sentAt > 0;
                int ownMails = 0;
                if (sighting != null) {
                    for (String id : sighting.messageIds()) {
                        if (trace != null && id.equals(trace.messageId)) {
                            ownMails = sighting.copies(id);
                        } else if (trace != null && trace.foreignMessageIds.contains(id)) {
                            foreignMails++;
                        } else {
                            unexpectedMails++;
                        }
                    }
                }
                boolean isSeen = ownMails > 0;
                matched += isMatched ? 1 : 0;
                waiting += isWaiting ? 1 : 0;
                invited += isSent ? 1 : 0;
                seen += isSeen ? 1 : 0;
                foreignInvitations += trace == null ? 0 : trace.foreignInvitations;
                if (!isMatched && !isWaiting) {
                    lost.merge("neither matched nor on the waiting list", 1, Integer::sum);
                } else if (isMatched && trace.invitations == 0) {
                    lost.merge("matched, no invitation in notification-service", 1, Integer::sum);
                } else if (isMatched && !isSent) {
                    lost.merge("invitation not sent (" + trace.invitationMailStatus + ")", 1, Integer::sum);
                } else if (isMatched && !isSeen) {
                    // GreenMail accepted it (notification-service's sent_at), but the watch never read it
                    unconfirmed++;
                }
                if (trace != null && trace.matches() > 1) {
                    doubled.merge("more than one match", 1, Integer::sum);
                }
                if (trace != null && (trace.invitations > 1 || trace.invitationMails > 1)) {
                    doubled.merge("more than one invitation record", 1, Integer::sum);
                }
                if (ownMails > 1) {
                    doubled.merge("the invitation more than once in GreenMail", 1, Integer::sum);
                }
            }
        }

        int lostTotal() {
            return lost.values().stream().mapToInt(Integer::intValue).sum();
        }

        int doubledTotal() {
            return doubled.values().stream().mapToInt(Integer::intValue).sum();
        }
    }

    String outcomeLine() {
        Outcomes o = new Outcomes();
        return String.format(Locale.ROOT, "%d completed, %d matched, %d waiting, %d invited, %d in GreenMail, "
                + "%d lost, %d doubled, %d journeys failed", o.completed, o.matched, o.waiting, o.invited, o.seen,
                o.lostTotal(), o.doubledTotal(), o.failed);
    }

    String summary() {
        Percentiles latency = invitationLatency();
        return String.format(Locale.ROOT, "offered %.0f/s, achieved %.1f completions/s over %.0f s; completion -> "
                        + "invitation in the SMTP server p50 %d ms, p95 %d ms, p99 %d ms, max %d ms (%d invitations); "
                        + "%s",
                options.rate(), achievedRate(), options.duration().toMillis() / 1000.0, latency.p50(), latency.p95(),
                latency.p99(), latency.max(), latency.count(), outcomeLine());
    }

    String markdown() {
        StringBuilder md = new StringBuilder();
        Outcomes o = new Outcomes();
        List<AssessmentJourneys.Journey> measured = measured();
        String when = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC)
                .format(Instant.ofEpochMilli(schedule.firstArrival()));
        md.append("# Pipeline load run\n\n");
        md.append("Written by `deploy/local/load` (the `load-driver` module); each run rewrites this file. ")
                .append("See BENCHMARKS.md for what is measured and how.\n\n");
        md.append("```\n").append(command).append("\n```\n\n");
        md.append(String.format(Locale.ROOT, "Run `%s`, %s. Machine: %d cores, %,d MiB, %s, %s; load average "
                        + "before the run %s. Platform processes found by pid: %s.%n%n", runId, when, machine.cores(),
                machine.memoryMiB(), machine.os(), machine.java(), machine.loadBefore(),
                componentsFound.isEmpty() ? "none (CPU is not split by component)" : String.join(", ",
                        componentsFound)));

        md.append("## Result\n\n");
        Percentiles latency = invitationLatency();
        md.append("| offered | achieved (completions in the window / window) | window | invitation p50 | p95 | p99 "
                + "| max | lost | doubled |\n|---|---|---|---|---|---|---|---|---|\n");
        md.append(String.format(Locale.ROOT, "| %.0f/s | **%.1f/s** | %.0f s | %d ms | %d ms | **%d ms** | %d ms "
                        + "| %d | %d |%n%n", options.rate(), achievedRate(),
                options.duration().toMillis() / 1000.0, latency.p50(), latency.p95(), latency.p99(), latency.max(),
                o.lostTotal(), o.doubledTotal()));

        md.append("## Setup before the window (not measured)\n\n");
        md.append("| step | count | seconds | per second | CPU s of the named part | machine CPU s |\n")
                .append("|---|---|---|---|---|---|\n");
        for (Step step : setup) {
            double partCpu = step.cpu().values().stream().mapToDouble(Double::doubleValue).sum();
            md.append(String.format(Locale.ROOT, "| %s | %,d | %.1f | %.0f | %s | %s |%n", step.name(), step.count(),
                    step.seconds(), step.count() / Math.max(0.001, step.seconds()),
                    step.cpu().isEmpty() ? "" : String.format(Locale.ROOT, "%.1f", partCpu),
                    step.cpu().isEmpty() ? "" : String.format(Locale.ROOT, "%.1f", step.machineCpu())));
        }
        md.append(String.format(Locale.ROOT, "%nThe oldest token was %.0f s old when its participant arrived "
                + "(the realm's tokens live 900 s)%s.", oldestTokenAgeSeconds, tokensRenewed == 0 ? ""
                : String.format(Locale.ROOT, "; %,d tokens issued early were renewed with their refresh tokens "
                        + "just before the window", tokensRenewed)));
        if (leftoverMentorsRetired > 0) {
            md.append(String.format(Locale.ROOT, " %d load mentors of an earlier, interrupted run were retired "
                    + "first.", leftoverMentorsRetired));
        }
        md.append("\n\n");

        md.append("## Throughput\n\n");
        long inWindow = completionsInWindow();
        int[] perSecond = perSecond();
        int minSecond = perSecond.length == 0 ? 0 : Arrays.stream(perSecond).min().orElse(0);
        int maxSecond = perSecond.length == 0 ? 0 : Arrays.stream(perSecond).max().orElse(0);
        md.append(String.format(Locale.ROOT, "- Arrivals: %,d warm-up over %.0f s, then %,d measured over %.0f s "
                        + "(%.0f/s, open loop: each arrival is due at its time whatever the earlier ones do; at most "
                        + "%,d journeys in progress, an arrival that cannot start %d s after its time is dropped).%n",
                options.warmupParticipants(), options.warmup().toMillis() / 1000.0, options.windowParticipants(),
                options.duration().toMillis() / 1000.0, options.rate(), options.maxInFlight(),
                options.maxLag().toSeconds()));
        md.append(String.format(Locale.ROOT, "- Completions inside the window (by assessment-service's completedAt): "
                + "%,d, so **%.1f/s** (slowest second %d, fastest %d).%n", inWindow, achievedRate(), minSecond,
                maxSecond));
        md.append(String.format(Locale.ROOT, "- Measured participants who completed: %,d of %,d; journeys that "
                + "failed in the whole run: %d%s.%n", measured.stream().filter(AssessmentJourneys.Journey::completed)
                .count(), measured.size(), o.failed, o.failures.isEmpty() ? "" : " " + o.failures));
        Percentiles launchLag = latencyOf(measured, j -> j.launchedAt - j.scheduledAt);
        Percentiles journeyTime = latencyOf(measured, j -> j.completed() ? j.completedAt - j.scheduledAt
                : Long.MIN_VALUE);
        md.append(String.format(Locale.ROOT, "- Arrival to completion (start, save, complete in a row): p50 %d ms, "
                + "p99 %d ms, max %d ms; launch delay behind schedule p99 %d ms, max %d ms.%n%n", journeyTime.p50(),
                journeyTime.p99(), journeyTime.max(), launchLag.p99(), launchLag.max()));
        md.append("| request (measured participants) | p50 | p95 | p99 | max |\n|---|---|---|---|---|\n");
        row(md, "`POST /assessments` (start)", latencyOf(measured, j -> j.startMillis > 0 ? j.startMillis
                : Long.MIN_VALUE));
        row(md, "`PUT /assessments/{id}/responses` (66 answers, goals, preferences)",
                latencyOf(measured, j -> j.saveMillis > 0 ? j.saveMillis : Long.MIN_VALUE));
        row(md, "`POST /assessments/{id}/completion`", latencyOf(measured, j -> j.completed() ? j.completeMillis
                : Long.MIN_VALUE));
        md.append('\n');

        md.append("## Completion to invitation in the SMTP server (measured participants)\n\n");
        md.append("| from the completion (assessment-service's `completedAt`) to | count | p50 | p95 | p99 | max "
                + "| mean |\n")
                .append("|---|---|---|---|---|---|---|\n");
        latencyRow(md, "**the SMTP server's acceptance of the invitation** (notification-service's `sent_at`, taken "
                + "when GreenMail answered the message)", latency);
        latencyRow(md, "the invitation seen in GreenMail by the driver (its API polled every "
                + MailWatch.POLL_MILLIS + " ms; an upper bound)",
                latency(j -> {
                    MailWatch.Sighting s = sightings.get(email(j));
                    PipelineAudit.Trace t = traces.get(email(j));
                    long seen = s == null || t == null || t.messageId == null ? 0 : s.seenAt(t.messageId);
                    return seen == 0 ? Long.MIN_VALUE : seen - j.completedAt;
                }));
        md.append("\n| stage | count | p50 | p95 | p99 | max | mean |\n|---|---|---|---|---|---|---|\n");
        latencyRow(md, "completion -> match proposed (outbox relay, Kafka, matching's transaction)", latency(j -> {
            PipelineAudit.Trace t = traces.get(email(j));
            return t == null || t.proposedAt == 0 ? Long.MIN_VALUE : t.proposedAt - j.completedAt;
        }));
        latencyRow(md, "match proposed -> invitation queued (outbox relay, Kafka, notification's transaction)",
                latency(j -> {
                    PipelineAudit.Trace t = traces.get(email(j));
                    return t == null || t.proposedAt == 0 || t.invitationCreatedAt == 0 ? Long.MIN_VALUE
                            : t.invitationCreatedAt - t.proposedAt;
                }));
        latencyRow(md, "invitation queued -> accepted by the SMTP server (mail sender)", latency(j -> {
            PipelineAudit.Trace t = traces.get(email(j));
            return t == null || t.sentAt == 0 || t.invitationCreatedAt == 0 ? Long.MIN_VALUE
                    : t.sentAt - t.invitationCreatedAt;
        }));
        int agree = 0;
        int compared = 0;
        for (AssessmentJourneys.Journey journey : measured) {
            PipelineAudit.Trace t = traces.get(email(journey));
            MailWatch.Sighting s = sightings.get(email(journey));
            long received = s == null || t == null || t.messageId == null ? 0 : s.receivedSecond(t.messageId);
            if (t != null && t.sentAt > 0 && received > 0) {
                compared++;
                if (Math.abs(received - t.sentAt / 1000) <= 1) {
                    agree++;
                }
            }
        }
        md.append(String.format(Locale.ROOT, "%nGreenMail's own `Received` time (whole seconds) agrees with `sent_at` "
                + "within a second for %,d of %,d invitations compared.%n%n", agree, compared));

        md.append("## Nothing lost, nothing doubled (every participant of the run, warm-up included)\n\n");
        md.append(String.format(Locale.ROOT, "- Completed %,d; matched %,d; on the waiting list %,d (no mentor with "
                        + "room fitted, so no invitation: not lost, but no latency either); invitation accepted by "
                        + "the SMTP server %,d; that invitation (by its Message-ID) found in GreenMail %,d.%n",
                o.completed, o.matched, o.waiting, o.invited, o.seen));
        if (o.unconfirmed > 0) {
            md.append(String.format(Locale.ROOT, "- Accepted by GreenMail but not read back by the watch: %,d (not "
                    + "counted as lost: the SMTP server answered 250 for them; the watch misses a mail that arrives "
                    + "between its reading a mailbox and deleting it, which only happens when some other sender "
                    + "mails the same participant).%n", o.unconfirmed));
        }
        if (o.foreignInvitations + o.foreignMails + o.unexpectedMails > 0) {
            md.append(String.format(Locale.ROOT, "- Not the platform's doing, left out above: %,d invitations for "
                            + "matches the platform's matching-service never made and %,d mails that are not the "
                            + "platform's invitation (%,d of them for those foreign matches). Other modules' tests "
                            + "run their own matching and notification instances on the same Kafka topics, and "
                            + "they react to the run's events too; on a quiet machine both are 0.%n",
                    o.foreignInvitations, o.foreignMails + o.unexpectedMails, o.foreignMails));
        }
        md.append(String.format(Locale.ROOT, "- **Lost: %d**%s (a completion without a match or waiting-list entry, "
                + "or a match whose invitation GreenMail never accepted, %s).%n", o.lostTotal(),
                o.lost.isEmpty() ? "" : " " + o.lost, drainComplete
                        ? String.format(Locale.ROOT, "the pipeline drained %.0f s after the last answer", drainSeconds)
                        : String.format(Locale.ROOT, "after the drain timeout of %d s",
                                options.drain().toSeconds())));
        md.append(String.format(Locale.ROOT, "- **Doubled: %d**%s (a participant with more than one match, "
                + "invitation record or invitation mail).%n", o.doubledTotal(), o.doubled.isEmpty() ? ""
                : " " + o.doubled));
        md.append(String.format(Locale.ROOT, "- Mentor notices (one per match, to the mentor; not read from "
                + "GreenMail, whose load-mentor mailboxes the driver deletes every 10 s to bound its memory): %s.%n",
                mentorNotices.isEmpty() ? "none" : mentorNotices.toString()));
        md.append(String.format(Locale.ROOT, "- The driver's GreenMail API requests: %,d (user list, inboxes, "
                + "mailbox deletions)%s.%n%n", mailWatchRequests, mailWatchFailure == null ? ""
                : "; " + mailWatchFailure));

        md.append("## Where the CPU went during the window\n\n");
        double total = cpuWindow.values().stream().mapToDouble(Double::doubleValue).sum();
        md.append(String.format(Locale.ROOT, "%.0f s measured; the machine was busy %.2f of %d cores on average "
                        + "(busiest second %.2f).%n%n", cpuWindowSeconds, total / Math.max(1, cpuWindowSeconds),
                machine.cores(), busyPeak));
        md.append("| part | CPU s | cores on average | share of busy |\n|---|---|---|---|\n");
        cpuWindow.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                .forEach(e -> md.append(String.format(Locale.ROOT, "| %s | %.1f | %.2f | %.0f %% |%n", e.getKey(),
                        e.getValue(), e.getValue() / Math.max(1, cpuWindowSeconds),
                        100 * e.getValue() / Math.max(0.001, total))));
        md.append('\n');
        double wholeRun = cpuWholeRun.values().stream().mapToDouble(Double::doubleValue).sum();
        if (o.completed > 0 && wholeRun > 0) {
            md.append(String.format(Locale.ROOT, "CPU per completed assessment over the whole run (first arrival "
                            + "until drained, %.0f s, %,d completions; everything each completion causes: three "
                            + "requests, the events between the services, two mails). On a quiet machine this is the "
                            + "cost model: %d cores carry at most about **%.0f completions/s** at this cost (fixed "
                            + "costs such as pollers weigh more at low rates). On a busy machine PostgreSQL, Kafka and "
                            + "GreenMail also count other users' work.%n%n",
                    cpuWholeRunSeconds, o.completed, machine.cores(),
                    machine.cores() * 1000.0 / (1000.0 * (wholeRun - cpuWholeRun.getOrDefault(CpuMeter.OTHER, 0.0))
                            / o.completed)));
            md.append("| part | CPU ms per completion |\n|---|---|\n");
            cpuWholeRun.entrySet().stream().filter(e -> !e.getKey().equals(CpuMeter.OTHER))
                    .sorted((a, b) -> Double.compare(b.getValue(), a.getValue()))
                    .forEach(e -> md.append(String.format(Locale.ROOT, "| %s | %.1f |%n", e.getKey(),
                            1000.0 * e.getValue() / o.completed)));
            md.append(String.format(Locale.ROOT, "| **platform and driver together** | **%.1f** |%n%n",
                    1000.0 * (wholeRun - cpuWholeRun.getOrDefault(CpuMeter.OTHER, 0.0)) / o.completed));
        }

        if (!pgbench.isEmpty()) {
            md.append("## PostgreSQL's ceiling on this machine (pgbench, after the pipeline drained)\n\n");
            md.append("Scratch database `" + PgbenchCeiling.DATABASE + "` (`pgbench -i -s 10`), 8 clients, 2 "
                    + "threads, 30 s each, the platform idle but running; dropped afterwards.\n\n");
            md.append("| script | command | tps (commits/s) | latency average |\n|---|---|---|---|\n");
            for (PgbenchCeiling.Result result : pgbench) {
                md.append(String.format(Locale.ROOT, "| %s | `%s` | %,.0f | %.2f ms |%n", result.name(),
                        result.command(), result.tps(), result.latencyMillis()));
            }
            md.append('\n');
        }

        md.append("## Afterwards\n\n");
        md.append(String.format(Locale.ROOT, "- The run's %,d mentors retired (program-admin, `DELETE /mentors/{id}`) "
                + "in %.1f s, so the next run does not rank against them.%n", mentorsRetired, retireSeconds));
        md.append(usersDeleted < 0 ? "- The run's Keycloak users were kept (`--keep-users`).\n"
                : String.format(Locale.ROOT, "- The run's %,d Keycloak users deleted in %.1f s.%n", usersDeleted,
                        deleteSeconds));
        md.append("- The participants, assessments, matches and invitations stay in the platform's databases.\n");
        return md.toString();
    }

    private int[] perSecond() {
        int seconds = (int) (options.duration().toMillis() / 1000);
        int[] counts = new int[Math.max(0, seconds)];
        for (AssessmentJourneys.Journey journey : journeys) {
            if (journey.completed() && journey.completedAt >= schedule.windowStart()) {
                int second = (int) ((journey.completedAt - schedule.windowStart()) / 1000);
                if (second < counts.length) {
                    counts[second]++;
                }
            }
        }
        return counts;
    }

    private static Percentiles latencyOf(List<AssessmentJourneys.Journey> journeys,
            ToLongFunction<AssessmentJourneys.Journey> measure) {
        List<Long> values = new ArrayList<>();
        for (AssessmentJourneys.Journey journey : journeys) {
            long value = measure.applyAsLong(journey);
            if (value != Long.MIN_VALUE) {
                values.add(value);
            }
        }
        return Percentiles.of(values);
    }

    private static void row(StringBuilder md, String name, Percentiles p) {
        md.append(String.format(Locale.ROOT, "| %s | %d ms | %d ms | %d ms | %d ms |%n", name, p.p50(), p.p95(),
                p.p99(), p.max()));
    }

    private static void latencyRow(StringBuilder md, String name, Percentiles p) {
        md.append(String.format(Locale.ROOT, "| %s | %,d | %d ms | %d ms | %d ms | %d ms | %.0f ms |%n", name,
                p.count(), p.p50(), p.p95(), p.p99(), p.max(), p.mean()));
    }
}
