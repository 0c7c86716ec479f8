package dev.sparks.platform.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One running copy of a service: a {@code java -jar quarkus-run.jar} process on its own port, logging to
 * {@code target/platform-logs/<service>[-<replica>].log}. It can be killed (SIGKILL, no shutdown hooks run) and
 * started again on the same port, with the same database and consumer group.
 */
public final class ServiceInstance {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    /** A bound, not an expectation: about 10 s on a quiet machine, minutes when the machine is busy. */
    private static final Duration STARTUP = Duration.ofMinutes(5);

    private final Service service;
    private final int replica;
    private final int port;
    private final List<String> command;
    private final Path log;
    private Process process;

    ServiceInstance(Service service, int replica, int port, List<String> command, Path log) {
        this.service = service;
        this.replica = replica;
        this.port = port;
        this.command = List.copyOf(command);
        this.log = log;
    }

    public Service service() {
        return service;
    }

    /** 1 for the instance the platform started, 2, 3, ... for replicas. */
    public int replica() {
        return replica;
    }

    public int port() {
        return port;
    }

    /** {@code http://127.0.0.1:<port>}; the REST API is under {@code /api/v1}. */
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    public long pid() {
        return process.pid();
    }

    /** Kills the process with SIGKILL, as a crash or an OOM kill would, and waits until it is gone. */
    public void kill() {
        if (process == null) {
            return;
        }
        process.destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
        note("killed with SIGKILL");
    }

    /** Stops the process with SIGTERM (a graceful shutdown), and with SIGKILL if it takes over 30 s. */
    public void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!awaitExit(Duration.ofSeconds(30))) {
            process.destroyForcibly();
            awaitExit(Duration.ofSeconds(30));
        }
        note("stopped");
    }

    /** Starts the service again on the same port after {@link #kill()} or {@link #stop()}; waits until ready. */
    public ServiceInstance restart() {
        if (isRunning()) {
            throw new IllegalStateException(this + " is still running; kill or stop it first");
        }
        note("restarting");
        launch();
        awaitReady();
        return this;
    }

    void launch() {
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + this, e);
        }
        Process started = process;
        // Should the test JVM itself be stopped, its services go with it.
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));
    }

    /** Waits until {@code /q/health/ready} answers 200 (database and Kafka reachable). */
    void awaitReady() {
        long deadline = System.nanoTime() + STARTUP.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(this + " exited with " + process.exitValue() + " while starting; "
                        + "last lines of " + log + ":\n" + tail(40));
            }
            if (ready()) {
                return;
            }
            Eventually.pause(Duration.ofMillis(250));
        }
        throw new IllegalStateException(this + " not ready within " + STARTUP + "; last lines of " + log + ":\n"
                + tail(40));
    }

    /** Whether {@code /q/health/ready} answers 200 right now. */
    public boolean ready() {
        try {
            HttpResponse<Void> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The last lines of this instance's log, for failure messages. */
    public String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private boolean awaitExit(Duration patience) {
        try {
            return process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A line in the instance's own log, so a reader sees where a kill or restart happened. */
    private void note(String what) {
        try {
            Files.writeString(log, "%n===== platform-tests: %s %s at %s =====%n".formatted(this, what, Instant.now()),
                    StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return service.module() + (replica == 1 ? "" : " replica " + replica) + " (port " + port + ")";
    }

    static List<String> javaCommand(List<String> systemProperties, Path jar) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // As deploy/local/run starts them: small heaps, the serial collector (two cores, four services).
        command.addAll(List.of("-Xms64m", "-Xmx256m", "-XX:+UseSerialGC"));
        command.addAll(systemProperties);
        command.add("-jar");
        command.add(jar.toString());
        return command;
    }
}
