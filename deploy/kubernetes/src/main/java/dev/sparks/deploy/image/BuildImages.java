package dev.sparks.deploy.image;

import com.google.cloud.tools.jib.api.JibContainer;
import dev.sparks.deploy.SparksService;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code deploy/kubernetes/build-images}: builds the services' images without a container daemon.
 * <ul>
 *   <li>{@code --base REF}: the Java runtime image to build on. Default: a runtime image built here from this
 *       machine's JDK ({@link BaseImage}); for real clusters a pinned upstream JRE, e.g.
 *       {@code registry.access.redhat.com/ubi9/openjdk-17-runtime@sha256:...} (the entrypoint calls {@code java}
 *       from its PATH and runs as user 10001, which such images allow).</li>
 *   <li>{@code --registry HOST[/PATH]}: push there instead of writing OCI tarballs to {@code deploy/kubernetes/target/images}.</li>
 *   <li>{@code --version V}: the tag (default: the project version).</li>
 *   <li>service names: only those (default: all four).</li>
 * </ul>
 * It prints each image's digest, which the prod overlay pins.
 */
public final class BuildImages {

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("sparks.root", ".")).toAbsolutePath().normalize();
        Optional<String> base = Optional.empty();
        Optional<String> registry = Optional.empty();
        String version = System.getProperty("sparks.version", "1.0.0-SNAPSHOT");
        List<SparksService> services = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--base" -> base = Optional.of(args[++i]);
                case "--registry" -> registry = Optional.of(args[++i]);
                case "--version" -> version = args[++i];
                default -> services.add(SparksService.byModule(args[i]));
            }
        }
        if (services.isEmpty()) {
            services = SparksService.all();
        }
        Path out = root.resolve("deploy/kubernetes/target/images");
        Files.createDirectories(out);
        String baseRef;
        if (base.isPresent()) {
            baseRef = base.get();
        } else {
            Path jdk = Path.of(System.getProperty("java.home"));
            Path tar = new BaseImage(jdk, out.resolve("base")).build();
            baseRef = "tar://" + tar;
            System.out.println("base  " + BaseImage.REFERENCE + "  " + tar);
        }
        for (SparksService service : services) {
            ServiceImage image = new ServiceImage(service.module(), service.port(), version,
                    service.directory(root).resolve("target/quarkus-app"));
            JibContainer built = image.build(baseRef, registry, out);
            System.out.println(service.module() + "  " + built.getTargetImage() + "@" + built.getDigest()
                    + (registry.isPresent() ? "" : "  " + out.resolve(service.module() + ".tar")));
        }
    }

    private BuildImages() {
    }
}
