package dev.sparks.deploy.image;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.ImageReference;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.JibContainer;
import com.google.cloud.tools.jib.api.JibContainerBuilder;
import com.google.cloud.tools.jib.api.RegistryImage;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import com.google.cloud.tools.jib.frontend.CredentialRetrieverFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One service's image: its Quarkus fast-jar on top of a Java runtime image, in the layers Quarkus' own Jib extension
 * uses (dependencies, then generated code, then the application), so a code change rebuilds only the last layers.
 *
 * @param service  the module name, e.g. {@code matching-service}
 * @param port     the HTTP port it listens on
 * @param quarkusApp  its {@code target/quarkus-app} directory
 */
public record ServiceImage(String service, int port, String version, Path quarkusApp) {

    static final AbsoluteUnixPath APP_DIR = AbsoluteUnixPath.get("/deployments");

    /** The JVM flags of every service: the heap follows the container's memory limit; an OOM restarts the pod. */
    static final List<String> ENTRYPOINT = List.of("java", "-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError",
            "-Djava.util.logging.manager=org.jboss.logmanager.LogManager", "-jar", "/deployments/quarkus-run.jar");

    public String repository() {
        return "sparks/" + service;
    }

    /**
     * Builds the image on {@code base} (a registry reference, pinned by digest for real clusters, or
     * {@code tar:///path}) and writes it to a tarball ({@code registry} empty) or pushes it to {@code registry}.
     */
    public JibContainer build(String base, Optional<String> registry, Path outputDir) throws Exception {
        JibContainerBuilder builder = containerBuilder(base);
        String tag = repository() + ":" + version;
        Containerizer to;
        if (registry.isPresent()) {
            ImageReference reference = ImageReference.parse(registry.get() + "/" + tag);
            to = Containerizer.to(RegistryImage.named(reference).addCredentialRetriever(
                    CredentialRetrieverFactory.forImage(reference, event -> { }).dockerConfig()));
        } else {
            Files.createDirectories(outputDir);
            to = Containerizer.to(TarImage.at(outputDir.resolve(service + ".tar")).named(tag));
        }
        return builder.containerize(to.setAllowInsecureRegistries(registry.map(r -> r.startsWith("127.0.0.1")).orElse(false)));
    }

    /** What the image will be, before anything is built or pushed. */
    public JibContainerBuilder containerBuilder(String base) throws Exception {
        if (!Files.isRegularFile(quarkusApp.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(quarkusApp + " has no quarkus-run.jar: package " + service + " first");
        }
        Instant epoch = Instant.EPOCH;
        return Jib.from(base)
                .setFormat(ImageFormat.OCI)
                .setCreationTime(epoch)
                .addFileEntriesLayer(layer("dependencies", List.of(quarkusApp.resolve("lib")), epoch))
                .addFileEntriesLayer(layer("quarkus", List.of(quarkusApp.resolve("quarkus"),
                        quarkusApp.resolve("quarkus-run.jar")), epoch))
                .addFileEntriesLayer(layer("application", List.of(quarkusApp.resolve("app")), epoch))
                .setWorkingDirectory(APP_DIR)
                .setEntrypoint(ENTRYPOINT)
                .setUser(BaseImage.UID + ":" + BaseImage.UID)
                .addExposedPort(Port.tcp(port))
                // A container must listen beyond loopback (the local default of SPARKS_HTTP_HOST).
                .addEnvironmentVariable("SPARKS_HTTP_HOST", "0.0.0.0")
                .addLabel("org.opencontainers.image.title", service)
                .addLabel("org.opencontainers.image.version", version)
                .addLabel("org.opencontainers.image.base.name", base.startsWith("tar://") ? BaseImage.REFERENCE : base);
    }

    private static FileEntriesLayer layer(String name, List<Path> sources, Instant time) throws IOException {
        FileEntriesLayer.Builder layer = FileEntriesLayer.builder().setName(name);
        for (Path source : sources) {
            Path root = source.getParent();
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : (Iterable<Path>) files.sorted()::iterator) {
                    layer.addEntry(file, APP_DIR.resolve(root.relativize(file).toString()), BaseImage.permissions(file), time);
                }
            }
        }
        return layer.build();
    }
}
