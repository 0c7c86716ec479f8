package dev.sparks.notification.support;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Stops and starts a real infrastructure component with the repository's own scripts (deploy/local). */
public final class Infra {

    /** Maven runs the tests with the module as working directory; the repository root is its parent. */
    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private Infra() {
    }

    public static void stop(String component) {
        run("infra-down", component);
    }

    public static void start(String component) {
        run("infra-up", component);
    }

    private static void run(String script, String component) {
        Path command = ROOT.resolve("deploy/local").resolve(script);
        if (!Files.isExecutable(command)) {
            throw new IllegalStateException(command + " not found: run the tests from the repository");
        }
        try {
            File log = Files.createTempFile("infra-" + script, ".log").toFile();
            Process process = new ProcessBuilder(command.toString(), component)
                    .directory(ROOT.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log)
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " " + component + " did not finish");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(script + " " + component + " failed: " + Files.readString(log.toPath()));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
