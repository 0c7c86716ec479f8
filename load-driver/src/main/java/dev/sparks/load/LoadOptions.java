package dev.sparks.load;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * What one load run does, from the command line of {@code deploy/local/load}.
 *
 * @param rate participants who complete an assessment per second, offered open-loop (arrivals do not wait for
 *     earlier participants)
 * @param warmup arrivals at the same rate before the measured window, so the JIT and the pools are warm; they go
 *     through the same pipeline but are left out of the figures
 * @param duration the measured window
 * @param drain how long after the window the driver waits for the last invitations
 * @param maxInFlight journeys (start, save, complete) in progress at once; an arrival beyond it waits, and the
 *     achieved rate shows it. 500 by default, twice what the goal needs (250/s with journeys of up to 2 s): past
 *     the platform's capacity the queue in front of it stays bounded, instead of growing until every request
 *     times out and nothing completes at all
 * @param maxLag how long an arrival may wait for that before it is dropped (counted as not completed), so an
 *     overloaded platform does not stretch the run until the tokens expire
 * @param mentors how many mentors to import; 0 for just enough capacity (participants plus 5 %, ten places each)
 * @param pgbench whether to measure PostgreSQL's commit ceiling after the pipeline
 * @param keepUsers keep the run's Keycloak users afterwards (they are deleted by default)
 * @param root the repository, for the pid files of the running platform ({@code .run/pids})
 * @param out the results file this run rewrites
 */
record LoadOptions(double rate, Duration warmup, Duration duration, Duration drain, int maxInFlight,
        Duration maxLag, int mentors, boolean pgbench, boolean keepUsers, Path root, Path out, Endpoints endpoints) {

    /** Where the platform listens; the defaults of deploy/local/run, overridable from the environment. */
    record Endpoints(String assessment, String mentor, String keycloak, String greenmailApi, String dbHost,
            int dbPort, String dbUser, String dbPassword, String assessmentDb, String matchingDb,
            String notificationDb, String hrClientSecret, String demoPassword) {

        static Endpoints fromEnvironment() {
            return new Endpoints(
                    "http://127.0.0.1:" + env("SPARKS_ASSESSMENT_PORT", "8081"),
                    "http://127.0.0.1:" + env("SPARKS_MENTOR_PORT", "8082"),
                    env("KEYCLOAK_URL", "http://127.0.0.1:8180"),
                    env("GREENMAIL_API_URL", "http://127.0.0.1:8025"),
                    env("SPARKS_DB_HOST", "127.0.0.1"),
                    Integer.parseInt(env("SPARKS_DB_PORT", "5432")),
                    env("SPARKS_DB_USER", "postgres"),
                    env("SPARKS_DB_PASSWORD", ""),
                    env("SPARKS_ASSESSMENT_DB", "sparks_assessment"),
                    env("SPARKS_MATCHING_DB", "sparks_matching"),
                    env("SPARKS_NOTIFICATION_DB", "sparks_notification"),
                    env("SPARKS_HR_CLIENT_SECRET", "sparks-hr-local-secret"),
                    env("SPARKS_DEMO_PASSWORD", "sparks-demo"));
        }

        String jdbcUrl(String database) {
            return "jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + database;
        }

        private static String env(String name, String fallback) {
            String value = System.getenv(name);
            return value == null || value.isBlank() ? fallback : value;
        }
    }

    static final String USAGE = """
            deploy/local/load [--rate 250] [--duration 180s] [--warmup 20s] [--drain 120s]
                              [--max-in-flight 500] [--max-lag 30s] [--mentors N] [--no-pgbench]
                              [--keep-users] [--out FILE]""";

    int warmupParticipants() {
        return (int) Math.round(rate * warmup.toMillis() / 1000.0);
    }

    int windowParticipants() {
        return (int) Math.round(rate * duration.toMillis() / 1000.0);
    }

    int participants() {
        return warmupParticipants() + windowParticipants();
    }

    static LoadOptions parse(String[] args, Path root) {
        double rate = 250;
        Duration warmup = Duration.ofSeconds(20);
        Duration duration = Duration.ofSeconds(180);
        Duration drain = Duration.ofSeconds(120);
        int maxInFlight = 500;
        Duration maxLag = Duration.ofSeconds(30);
        int mentors = 0;
        boolean pgbench = true;
        boolean keepUsers = false;
        Path out = root.resolve("load-driver/RESULTS.md");
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--rate" -> rate = Double.parseDouble(value(args, ++i, arg));
                case "--duration" -> duration = duration(value(args, ++i, arg));
                case "--warmup" -> warmup = duration(value(args, ++i, arg));
                case "--drain" -> drain = duration(value(args, ++i, arg));
                case "--max-in-flight" -> maxInFlight = Integer.parseInt(value(args, ++i, arg));
                case "--max-lag" -> maxLag = duration(value(args, ++i, arg));
                case "--mentors" -> mentors = Integer.parseInt(value(args, ++i, arg));
                case "--no-pgbench" -> pgbench = false;
                case "--keep-users" -> keepUsers = true;
                case "--out" -> out = Path.of(value(args, ++i, arg)).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + arg + "\n" + USAGE);
            }
        }
        if (rate <= 0 || duration.isZero() || duration.isNegative() || maxInFlight < 1 || mentors < 0) {
            throw new IllegalArgumentException("rate, duration and max-in-flight must be positive\n" + USAGE);
        }
        return new LoadOptions(rate, warmup, duration, drain, maxInFlight, maxLag, mentors, pgbench, keepUsers, root,
                out,
                Endpoints.fromEnvironment());
    }

    /** {@code 180s}, {@code 3m}, {@code 500ms} or plain seconds. */
    static Duration duration(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 1000));
        }
        if (t.endsWith("m")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1)) * 60_000));
        }
        return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }
}
