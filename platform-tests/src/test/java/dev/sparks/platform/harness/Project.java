package dev.sparks.platform.harness;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the repository is and where the infrastructure from deploy/local/infra-up listens. */
public final class Project {

    public static final String DB_HOST = env("SPARKS_DB_HOST", "127.0.0.1");
    public static final String DB_PORT = env("SPARKS_DB_PORT", "5432");
    public static final String DB_USER = env("SPARKS_DB_USER", "postgres");
    public static final String DB_PASSWORD = env("SPARKS_DB_PASSWORD", "");
    public static final String KAFKA_BOOTSTRAP = env("SPARKS_KAFKA_BOOTSTRAP", "127.0.0.1:9092");
    public static final String KEYCLOAK = env("SPARKS_KEYCLOAK_URL", "http://127.0.0.1:8180");
    public static final String GREENMAIL_API = env("SPARKS_GREENMAIL_API", "http://127.0.0.1:8025");

    private Project() {
    }

    /** The repository root: set by the build (sparks.root), else the parent of the working directory. */
    public static Path root() {
        String configured = System.getProperty("sparks.root");
        Path root = configured != null && !configured.isBlank()
                ? Path.of(configured)
                : Path.of("").toAbsolutePath().getParent();
        if (!Files.isRegularFile(root.resolve("deploy/local/topics.conf"))) {
            throw new IllegalStateException(root + " is not the Sparks repository root; set -Dsparks.root");
        }
        return root.toAbsolutePath().normalize();
    }

    /** This module's build folder (logs, scratch files). */
    public static Path target() {
        return root().resolve("platform-tests/target");
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
