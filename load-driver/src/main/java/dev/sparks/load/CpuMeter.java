package dev.sparks.load;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where the machine's CPU goes, from /proc: each platform component (its process session, as deploy/local
 * started it: the pid files in {@code .run/pids}), PostgreSQL's processes, this driver, and everything else.
 */
final class CpuMeter {

    static final List<String> COMPONENTS = List.of("assessment-service", "mentor-service", "matching-service",
            "notification-service", "kafka", "keycloak", "greenmail");
    static final String POSTGRES = "postgresql";
    static final String DRIVER = "load-driver";
    static final String OTHER = "other processes";
    static final List<String> PARTS = List.of("assessment-service", "mentor-service", "matching-service",
            "notification-service", "kafka", "keycloak", "greenmail", POSTGRES, DRIVER);
    private static final double TICKS = 100.0; // USER_HZ on Linux

    /** One process's CPU seconds so far, and its start (clock ticks since boot) to tell a reused pid apart. */
    record ProcessCpu(String part, long started, double seconds) {
    }

    /** Every process of a known part, and the machine's busy and total CPU seconds (all cores) since boot. */
    record Snapshot(long at, Map<Long, ProcessCpu> processes, double busy, double total) {

        /**
         * CPU seconds per part between {@code earlier} and this snapshot. A process that started in between counts
         * from its start; one that ended in between is missing (its last moments count as other processes), so no
         * part ever goes below zero when, say, a database connection closes.
         */
        Map<String, Double> since(Snapshot earlier) {
            Map<String, Double> used = new LinkedHashMap<>();
            for (String part : PARTS) {
                used.put(part, 0.0);
            }
            processes.forEach((pid, process) -> {
                ProcessCpu before = earlier.processes.get(pid);
                double delta = before != null && before.started() == process.started()
                        ? process.seconds() - before.seconds() : process.seconds();
                used.merge(process.part(), Math.max(0, delta), Double::sum);
            });
            double known = used.values().stream().mapToDouble(Double::doubleValue).sum();
            used.put(OTHER, Math.max(0, busy - earlier.busy - known));
            return used;
        }
    }

    private final Map<Long, String> sessions = new LinkedHashMap<>();
    private final long self = ProcessHandle.current().pid();

    /** How the shared infrastructure's JVMs can be recognised when another clone started them (no pid file here). */
    private static final Map<String, String> INFRA_MARKERS = Map.of(
            "kafka", "kafka.Kafka", "keycloak", "-Dkc.config.built=true", "greenmail", "greenmail-standalone");

    CpuMeter(Path root) {
        for (String component : COMPONENTS) {
            Path pidFile = root.resolve(".run/pids/" + component + ".pid");
            try {
                String pid = Files.readString(pidFile).replaceAll("[^0-9]", "");
                if (!pid.isEmpty() && Files.exists(Path.of("/proc", pid))) {
                    sessions.put(Long.parseLong(pid), component);
                    continue;
                }
            } catch (IOException e) {
                // no pid file: perhaps infrastructure another clone started
            }
            String marker = INFRA_MARKERS.get(component);
            if (marker != null) {
                ProcessHandle.allProcesses()
                        .filter(process -> process.info().arguments().map(args -> String.join(" ", args))
                                .filter(args -> args.contains(marker)).isPresent())
                        .findFirst()
                        .ifPresent(process -> sessions.put(session(process.pid()), component));
            }
        }
    }

    private static long session(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[3]);
        } catch (IOException | RuntimeException e) {
            return pid;
        }
    }

    List<String> found() {
        return new ArrayList<>(sessions.values());
    }

    Snapshot snapshot() {
        Map<Long, ProcessCpu> processes = new HashMap<>();
        try (DirectoryStream<Path> proc = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path dir : proc) {
                String stat;
                try {
                    stat = Files.readString(dir.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                int close = stat.lastIndexOf(')');
                String command = stat.substring(stat.indexOf('(') + 1, close);
                String[] fields = stat.substring(close + 2).split(" ");
                // after the command: state(0) ppid(1) pgrp(2) session(3) ... utime(11) stime(12) ... starttime(19)
                long session = Long.parseLong(fields[3]);
                long pid = Long.parseLong(dir.getFileName().toString());
                String part = sessions.get(session);
                if (part == null && command.startsWith("postgres")) {
                    part = POSTGRES;
                } else if (part == null && pid == self) {
                    part = DRIVER;
                }
                if (part != null) {
                    processes.put(pid, new ProcessCpu(part, Long.parseLong(fields[19]),
                            (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS));
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc", e);
        }
        double[] machine = machine();
        return new Snapshot(System.currentTimeMillis(), processes, machine[0], machine[1]);
    }

    /** Busy and total CPU seconds of all cores since boot. */
    private static double[] machine() {
        try {
            String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            double total = 0;
            for (int i = 1; i < Math.min(cpu.length, 9); i++) {
                total += Long.parseLong(cpu[i]);
            }
            double idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
            return new double[] {(total - idle) / TICKS, total / TICKS};
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/stat", e);
        }
    }
}
