package dev.sparks.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.JibContainer;
import dev.sparks.deploy.SparksService;
import dev.sparks.deploy.image.VerifyImage.ImageConfig;
import dev.sparks.deploy.manifest.Manifests;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real image build on this machine, which has no container daemon: the jlink'd base image from this JDK, then
 * assessment-service's image on it, both written as OCI tarballs by jib-core, exactly what
 * {@code deploy/kubernetes/build-images} does for all four. The tarball is then opened as a runtime would: its
 * config says a numeric non-root user, the fast-jar entrypoint and the service's port, and the image's own Java runs
 * as that user on the image's layers mounted read-only.
 *
 * <p>Needs the packaged service ({@code assessment-service/target/quarkus-app}), which the reactor builds before
 * this module; run alone without it, the test is skipped and says so.
 */
class ImageBuildTest {

    @TempDir
    Path work;

    @Test
    void aServiceImageIsBuiltWithoutADaemonAndItsJavaRunsAsItsNonRootUserOnAReadOnlyRoot() throws Exception {
        SparksService service = SparksService.byModule("assessment-service");
        Path app = service.directory(Manifests.ROOT).resolve("target/quarkus-app");
        Assumptions.assumeTrue(Files.isRegularFile(app.resolve("quarkus-run.jar")),
                "assessment-service is not packaged (" + app + "); ./mvnw package -pl assessment-service first");

        Path base = new BaseImage(Path.of(System.getProperty("java.home")), work.resolve("base")).build();
        JibContainer built = new ServiceImage(service.module(), service.port(), "0.0.0-test", app)
                .build("tar://" + base, Optional.empty(), work);

        Path tar = work.resolve(service.module() + ".tar");
        assertThat(tar).isRegularFile();
        assertThat(built.getDigest().toString()).startsWith("sha256:");
        ImageConfig config = VerifyImage.readConfig(tar, work.resolve("layout"));
        assertThat(config.user()).isEqualTo(BaseImage.UID + ":" + BaseImage.UID);
        assertThat(config.runsAsNonRoot()).isTrue();
        assertThat(config.entrypoint()).startsWith("java").endsWith("/deployments/quarkus-run.jar");
        assertThat(config.exposedPorts()).containsExactly(service.port() + "/tcp");
        assertThat(config.layerDigests()).hasSizeGreaterThanOrEqualTo(4); // base layers, then the app's three

        Path rootfs = VerifyImage.extract(work.resolve("layout"), config, work.resolve("rootfs"));
        assertThat(rootfs.resolve("deployments/quarkus-run.jar")).isRegularFile();
        assertThat(rootfs.resolve("opt/java/bin/java")).isRegularFile();
        // jlink's runtime, not a JDK: no compiler, no shell, nothing a service does not load
        assertThat(rootfs.resolve("opt/java/bin/javac")).doesNotExist();
        assertThat(rootfs.resolve("bin/sh")).doesNotExist();

        Process java = VerifyImage.runInside(rootfs, config, List.of("java", "-XshowSettings:properties", "-version"),
                Map.of());
        String output = new String(java.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(java.waitFor(2, TimeUnit.MINUTES)).as("java -version inside the image ended").isTrue();
        assertThat(java.exitValue()).as(output).isZero();
        assertThat(output).contains("OpenJDK").contains("java.home = /opt/java")
                .contains("user.name = sparks").contains("user.home = /deployments");

        long size = Files.size(tar);
        System.out.printf("%s image: %s, %.0f MiB tarball (base %.0f MiB), user %s%n", service.module(),
                built.getDigest(), size / 1048576.0, Files.size(base) / 1048576.0, config.user());
        assertThat(size).as("a small image: jlink'd runtime plus the fast-jar").isLessThan(250L * 1024 * 1024);
    }
}
