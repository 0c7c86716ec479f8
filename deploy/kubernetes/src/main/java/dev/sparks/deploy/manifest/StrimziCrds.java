package dev.sparks.deploy.manifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Strimzi's CRDs for Kafka, KafkaNodePool and KafkaTopic, generated from Strimzi's own API classes (io.strimzi:api)
 * by Strimzi's own generator (io.strimzi:crd-generator), with the arguments Strimzi's build uses for the CRDs it
 * installs. Both need Java 21 or later, so the generator runs in a JVM of its own; the result is kept in
 * {@code target/crds/strimzi-<version>} and reused.
 */
public final class StrimziCrds {

    static final Map<String, String> RESOURCES = Map.of(
            "io.strimzi.api.kafka.model.kafka.Kafka", "kafka.yaml",
            "io.strimzi.api.kafka.model.nodepool.KafkaNodePool", "kafkanodepool.yaml",
            "io.strimzi.api.kafka.model.topic.KafkaTopic", "kafkatopic.yaml");

    private StrimziCrds() {
    }

    public static Path generate(Path targetDir, String classpath, String strimziVersion) throws IOException, InterruptedException {
        Path dir = targetDir.resolve("crds/strimzi-" + strimziVersion);
        if (RESOURCES.values().stream().allMatch(f -> Files.isRegularFile(dir.resolve(f)))) {
            return dir;
        }
        Files.createDirectories(dir);
        List<String> argv = new ArrayList<>(List.of(java21().toString(), "-cp", classpath, "io.strimzi.crdgenerator.CrdGenerator",
                "--target-kube", "1.16+", "--crd-api-version", "v1", "--api-versions", "v1", "--storage-version", "v1", "--yaml"));
        RESOURCES.forEach((type, file) -> argv.add(type + "=" + dir.resolve(file)));
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(5, TimeUnit.MINUTES) || process.exitValue() != 0) {
            throw new IOException("Strimzi's CRD generator failed:\n" + out);
        }
        return dir;
    }

    /** A Java 21+ runtime: SPARKS_JAVA21_HOME, the running one if new enough, or one under /usr/lib/jvm. */
    static Path java21() throws IOException {
        Optional<String> configured = Optional.ofNullable(System.getenv("SPARKS_JAVA21_HOME"));
        if (configured.isPresent()) {
            return Path.of(configured.get(), "bin/java");
        }
        if (Runtime.version().feature() >= 21) {
            return Path.of(System.getProperty("java.home"), "bin/java");
        }
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> list = Files.list(jvms)) {
                for (Path jdk : list.sorted().toList()) {
                    Path release = jdk.resolve("release");
                    if (Files.isRegularFile(release) && Files.isExecutable(jdk.resolve("bin/java"))) {
                        String version = Files.readAllLines(release).stream().filter(l -> l.startsWith("JAVA_VERSION="))
                                .findFirst().orElse("").replaceAll("[^0-9.]", "");
                        if (!version.isEmpty() && Integer.parseInt(version.split("\\.")[0]) >= 21) {
                            return jdk.resolve("bin/java");
                        }
                    }
                }
            }
        }
        throw new IllegalStateException("Strimzi's CRD generator needs Java 21 or later: set SPARKS_JAVA21_HOME");
    }
}
