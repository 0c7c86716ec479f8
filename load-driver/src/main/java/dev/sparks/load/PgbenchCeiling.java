package dev.sparks.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The commit rate PostgreSQL reaches on this machine with nothing else asking for it: pgbench on a scratch
 * database (created and dropped here), run after the pipeline has drained, so neither disturbs the other.
 */
final class PgbenchCeiling {

    static final String DATABASE = "sparks_load_pgbench";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    /** One pgbench run. */
    record Result(String name, String command, double tps, double latencyMillis) {
    }

    private final LoadOptions.Endpoints endpoints;
    private final int seconds;
    private final int clients;

    PgbenchCeiling(LoadOptions.Endpoints endpoints, int seconds, int clients) {
        this.endpoints = endpoints;
        this.seconds = seconds;
        this.clients = clients;
    }

    List<Result> measure() throws IOException, InterruptedException {
        List<Result> results = new ArrayList<>();
        run(List.of("dropdb", "--if-exists", DATABASE));
        run(List.of("createdb", DATABASE));
        try {
            run(List.of("pgbench", "-q", "-i", "-s", "10", DATABASE));
            run(List.of("psql", "-qX", "-d", DATABASE, "-c",
                    "create table commit_probe (id bigserial primary key, at timestamptz not null default now())"));
            Path script = Files.createTempFile("commit-probe", ".sql");
            Files.writeString(script, "insert into commit_probe default values;\n");
            try {
                String duration = Integer.toString(seconds);
                String c = Integer.toString(clients);
                results.add(bench("TPC-B-like, simple update (-N)",
                        List.of("pgbench", "-n", "-N", "-c", c, "-j", "2", "-T", duration, DATABASE)));
                results.add(bench("TPC-B (default script)",
                        List.of("pgbench", "-n", "-c", c, "-j", "2", "-T", duration, DATABASE)));
                results.add(bench("one-row insert per commit (commit-probe.sql: `insert into commit_probe "
                        + "default values`)",
                        List.of("pgbench", "-n", "-f", script.toString(), "-c", c, "-j", "2", "-T", duration,
                                DATABASE)));
            } finally {
                Files.deleteIfExists(script);
            }
        } finally {
            run(List.of("dropdb", "--if-exists", DATABASE));
        }
        return results;
    }

    private Result bench(String name, List<String> command) throws IOException, InterruptedException {
        String output = run(command);
        Matcher tps = TPS.matcher(output);
        Matcher latency = LATENCY.matcher(output);
        if (!tps.find()) {
            throw new IllegalStateException("no tps in pgbench output:\n" + output);
        }
        String shown = String.join(" ", command).replaceAll("-f \\S+", "-f commit-probe.sql");
        return new Result(name, shown,
                Double.parseDouble(tps.group(1)), latency.find() ? Double.parseDouble(latency.group(1)) : Double.NaN);
    }

    private String run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("PGHOST", endpoints.dbHost());
        env.put("PGPORT", Integer.toString(endpoints.dbPort()));
        env.put("PGUSER", endpoints.dbUser());
        if (!endpoints.dbPassword().isEmpty()) {
            env.put("PGPASSWORD", endpoints.dbPassword());
        }
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 600L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }
}
