package dev.sparks.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.Containerizer;
import com.google.cloud.tools.jib.api.Jib;
import com.google.cloud.tools.jib.api.TarImage;
import com.google.cloud.tools.jib.api.buildplan.AbsoluteUnixPath;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.ImageFormat;
import com.google.cloud.tools.jib.api.buildplan.Port;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reader behind build-images --verify, on a small OCI tarball that jib writes here: it finds the config through
 * the index and manifest as a runtime does, and lays the layers out in order, a later layer's file replacing an
 * earlier one's.
 */
class VerifyImageTest {

    @TempDir
    Path work;

    @Test
    void readsTheConfigAndAppliesTheLayersInOrder() throws Exception {
        Path first = Files.writeString(work.resolve("first.txt"), "from the first layer");
        Path second = Files.writeString(work.resolve("second.txt"), "from the second layer");
        Path tar = work.resolve("image.tar");
        Jib.fromScratch()
                .setFormat(ImageFormat.OCI)
                .setCreationTime(Instant.EPOCH)
                .addFileEntriesLayer(FileEntriesLayer.builder().addEntry(first, AbsoluteUnixPath.get("/deployments/app.txt")).build())
                .addFileEntriesLayer(FileEntriesLayer.builder().addEntry(second, AbsoluteUnixPath.get("/deployments/app.txt")).build())
                .setUser("10001:10001")
                .setEntrypoint("java", "-jar", "/deployments/quarkus-run.jar")
                .addExposedPort(Port.tcp(8082))
                .addEnvironmentVariable("SPARKS_HTTP_HOST", "0.0.0.0")
                .containerize(Containerizer.to(TarImage.at(tar).named("sparks/probe:1")));

        VerifyImage.ImageConfig config = VerifyImage.readConfig(tar, work.resolve("layout"));

        assertThat(config.reference()).isEqualTo("sparks/probe:1");
        assertThat(config.user()).isEqualTo("10001:10001");
        assertThat(config.runsAsNonRoot()).isTrue();
        assertThat(config.entrypoint()).containsExactly("java", "-jar", "/deployments/quarkus-run.jar");
        assertThat(config.exposedPorts()).containsExactly("8082/tcp");
        assertThat(config.env()).containsEntry("SPARKS_HTTP_HOST", "0.0.0.0");
        assertThat(config.layerDigests()).hasSize(2);
        Path rootfs = VerifyImage.extract(work.resolve("layout"), config, work.resolve("rootfs"));
        assertThat(rootfs.resolve("deployments/app.txt")).hasContent("from the second layer");
        assertThat(rootfs.resolve("proc")).isDirectory();
    }

    @Test
    void rootOrANamedUserIsNotNonRoot() {
        assertThat(new VerifyImage.ImageConfig("x", "0:0", null, null, null, null, null).runsAsNonRoot()).isFalse();
        assertThat(new VerifyImage.ImageConfig("x", "sparks", null, null, null, null, null).runsAsNonRoot()).isFalse();
        assertThat(new VerifyImage.ImageConfig("x", "", null, null, null, null, null).runsAsNonRoot()).isFalse();
        assertThat(new VerifyImage.ImageConfig("x", "10001", null, null, null, null, null).runsAsNonRoot()).isTrue();
    }
}
