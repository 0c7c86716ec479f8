package dev.sparks.platform.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Copies of the packaged services ({@code target/platform-apps/<service>}), taken once per test run. A process
 * reads its jars while it runs; a rebuild of the service in the meantime (another build in the same tree) would
 * otherwise replace them under it.
 */
final class PackagedApps {

    private static final Map<Service, Path> COPIES = new EnumMap<>(Service.class);

    private PackagedApps() {
    }

    static synchronized Path copy(Service service) {
        return COPIES.computeIfAbsent(service, PackagedApps::copyNow);
    }

    private static Path copyNow(Service service) {
        Path source = service.packagedApp();
        if (!Files.isRegularFile(source.resolve("quarkus-run.jar"))) {
            throw new IllegalStateException(source.resolve("quarkus-run.jar") + " is missing: package the services "
                    + "first (./mvnw package, or ./mvnw verify from the root, which builds them before this module)");
        }
        Path copy = Project.target().resolve("platform-apps").resolve(service.module());
        try {
            if (Files.exists(copy)) {
                try (Stream<Path> old = Files.walk(copy)) {
                    for (Path path : old.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(path);
                    }
                }
            }
            try (Stream<Path> files = Files.walk(source)) {
                for (Path path : files.toList()) {
                    Path target = copy.resolve(source.relativize(path).toString());
                    if (Files.isDirectory(path)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(path, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                }
            }
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + source + " to " + copy, e);
        }
    }
}
