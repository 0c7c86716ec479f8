package dev.sparks.platform.faults;

import dev.sparks.platform.harness.Eventually;
import dev.sparks.platform.harness.Project;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The infrastructure of deploy/local, stopped and started the way an operator does it: Kafka and GreenMail with
 * {@code deploy/local/infra-down <component>} and {@code deploy/local/infra-up <component>}, PostgreSQL with
 * {@code pg_ctlcluster ... restart|stop|start}. A component can only be stopped when this clone started it
 * (infra-up also reuses a component that another clone of the project runs, and never stops that one);
 * {@link #whyNotStoppable} says why not, for the test's assumption. The scripts' output goes to
 * {@code target/platform-logs/infrastructure.log}.
 */
final class LocalInfrastructure {

    /** The components deploy/local/infra-up starts and infra-down stops. */
    enum Component {
        KAFKA("kafka", Project.KAFKA_BOOTSTRAP),
        GREENMAIL("greenmail", "SMTP 127.0.0.1:3025, API " + Project.GREENMAIL_API);

        private final String script;
        private final String where;

        Component(String script, String where) {
            this.script = script;
            this.where = where;
        }

        @Override
        public String toString() {
            return script;
        }
    }

    private static final Duration SCRIPT_PATIENCE = Duration.ofMinutes(5);

    private LocalInfrastructure() {
    }

    /**
     * Empty when this clone's infra-up started the component and it runs (its pid file names a live process, the
     * scripts' own test); otherwise the reason the fault test cannot stop it.
     */
    static Optional<String> whyNotStoppable(Component component) {
        int status = run(List.of("bash", "-c", "source \"$1\" && is_running \"$2\"", "is-running",
                Project.root().resolve("deploy/local/lib.sh").toString(), component.script), "is_running "
                + component, false);
        if (status == 0) {
            return Optional.empty();
        }
        return Optional.of(component + " (" + component.where + ") was not started by deploy/local/infra-up from "
                + Project.root() + " (no live process in .run/pids/" + component + ".pid): it is run from another "
                + "folder or by hand, so this test cannot stop and start it");
    }

    /** {@code deploy/local/infra-down <component>}: a graceful stop; returns once the process is gone. */
    static void stop(Component component) {
        script("infra-down", component);
    }

    /** {@code deploy/local/infra-up <component>}: returns once the component answers again. */
    static void start(Component component) {
        script("infra-up", component);
    }

    /**
     * Empty when PostgreSQL at the configured address is a local cluster this process may stop and start (we run
     * as root, as CI does, and pg_lsclusters lists an online cluster on that port); otherwise why not.
     */
    static Optional<String> whyPostgresNotRestartable() {
        if (!List.of("127.0.0.1", "localhost").contains(Project.DB_HOST)) {
            return Optional.of("PostgreSQL at " + Project.DB_HOST + " is not on this machine");
        }
        if (!"root".equals(System.getProperty("user.name"))) {
            return Optional.of("pg_ctlcluster needs root (or the cluster's owner); running as "
                    + System.getProperty("user.name"));
        }
        return postgresCluster().filter(PostgresCluster::online).isPresent() ? Optional.empty()
                : Optional.of("no online PostgreSQL cluster on port " + Project.DB_PORT + " in pg_lsclusters");
    }

    /**
     * {@code pg_ctlcluster --skip-systemctl-redirect <version> <cluster> restart}: a fast shutdown (every session
     * is terminated, open transactions roll back) and a start; returns once a connection succeeds again.
     */
    static void restartPostgres() {
        postgres("restart");
        awaitPostgres();
    }

    /** {@code pg_ctlcluster ... stop}: a fast shutdown; nothing answers on the port until {@link #startPostgres}. */
    static void stopPostgres() {
        postgres("stop");
    }

    /** {@code pg_ctlcluster ... start} unless it runs; returns once a connection succeeds. */
    static void startPostgres() {
        if (!postgresCluster().map(PostgresCluster::online).orElse(true)) {
            postgres("start");
        }
        awaitPostgres();
    }

    private static void postgres(String action) {
        PostgresCluster cluster = postgresCluster()
                .orElseThrow(() -> new IllegalStateException("no PostgreSQL cluster on port " + Project.DB_PORT));
        int status = run(List.of("pg_ctlcluster", "--skip-systemctl-redirect", cluster.version(), cluster.name(),
                action), "pg_ctlcluster " + action, true);
        if (status != 0) {
            throw new IllegalStateException("pg_ctlcluster " + action + " failed with " + status + "; see " + log());
        }
    }

    private static void awaitPostgres() {
        Eventually.until("PostgreSQL accepts connections again", Duration.ofMinutes(2), () -> {
            try (Connection connection = DriverManager.getConnection("jdbc:postgresql://" + Project.DB_HOST + ":"
                    + Project.DB_PORT + "/postgres", Project.DB_USER, Project.DB_PASSWORD)) {
                return connection.isValid(5);
            } catch (SQLException e) {
                return false;
            }
        });
    }

    private record PostgresCluster(String version, String name, boolean online) {
    }

    /** The cluster on the configured port, from {@code pg_lsclusters -h}. */
    private static Optional<PostgresCluster> postgresCluster() {
        try {
            Process process = new ProcessBuilder("pg_lsclusters", "-h").redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                return Optional.empty();
            }
            // "15 main 5432 online postgres /var/lib/postgresql/15/main /var/log/..."
            for (String line : output.split("\n")) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length >= 4 && fields[2].equals(Project.DB_PORT)) {
                    return Optional.of(new PostgresCluster(fields[0], fields[1], fields[3].startsWith("online")));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // no pg_lsclusters: not a Debian-managed cluster
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void script(String name, Component component) {
        Path script = Project.root().resolve("deploy/local").resolve(name);
        int status = run(List.of(script.toString(), component.script), name + " " + component, true);
        if (status != 0) {
            throw new IllegalStateException("deploy/local/" + name + " " + component + " failed with " + status
                    + "; see " + log());
        }
    }

    /** Runs a command in the repository root, its output appended to the log; returns the exit status. */
    private static int run(List<String> command, String what, boolean logged) {
        Path log = log();
        try {
            Files.createDirectories(log.getParent());
            if (logged) {
                Files.writeString(log, "%n===== platform-tests: %s at %s =====%n".formatted(what, Instant.now()),
                        StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command))
                    .directory(Project.root().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(logged ? ProcessBuilder.Redirect.appendTo(log.toFile())
                            : ProcessBuilder.Redirect.DISCARD);
            Process process = builder.start();
            if (!process.waitFor(SCRIPT_PATIENCE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(what + " did not finish within " + SCRIPT_PATIENCE + "; see " + log);
            }
            return process.exitValue();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run " + what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static Path log() {
        return Project.target().resolve("platform-logs/infrastructure.log");
    }
}
