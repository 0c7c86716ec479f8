package dev.sparks.deploy.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.tools.jib.api.buildplan.ContainerBuildPlan;
import com.google.cloud.tools.jib.api.buildplan.FileEntriesLayer;
import com.google.cloud.tools.jib.api.buildplan.FileEntry;
import com.google.cloud.tools.jib.api.buildplan.Port;
import dev.sparks.deploy.SparksService;
import dev.sparks.deploy.manifest.Manifests;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What each service's image will be, from jib's build plan (building and running the images is
 * deploy/kubernetes/build-images --verify, which takes minutes): the same user the manifests run as, the fast-jar
 * entrypoint, the service's port, and layers ordered from least to most often changed.
 */
class ServiceImageTest {

    @TempDir
    Path app;

    @Test
    void theImageRunsTheFastJarAsTheManifestsNonRootUserOnTheServicesPort() throws Exception {
        fakeQuarkusApp();
        ContainerBuildPlan plan = new ServiceImage("matching-service", 8083, "1.2.3", app)
                .containerBuilder("tar:///nonexistent/base.tar").toContainerBuildPlan();

        assertThat(plan.getUser()).isEqualTo("10001:10001");
        assertThat(plan.getEntrypoint()).startsWith("java").endsWith("-jar", "/deployments/quarkus-run.jar")
                .contains("-XX:MaxRAMPercentage=75.0", "-XX:+ExitOnOutOfMemoryError");
        assertThat(plan.getExposedPorts()).containsExactly(Port.tcp(8083));
        assertThat(plan.getEnvironment()).containsEntry("SPARKS_HTTP_HOST", "0.0.0.0");
        assertThat(plan.getWorkingDirectory().toString()).isEqualTo("/deployments");
        assertThat(plan.getLayers()).extracting(l -> l.getName()).containsExactly("dependencies", "quarkus", "application");
        FileEntriesLayer application = (FileEntriesLayer) plan.getLayers().get(2);
        assertThat(application.getEntries()).extracting(e -> e.getExtractionPath().toString())
                .contains("/deployments/app/matching-service-1.2.3.jar");
        for (FileEntry entry : application.getEntries()) {
            assertThat(entry.getPermissions().toOctalString()).as("readable by user 10001").isIn("644", "755");
        }
    }

    @Test
    void theImageUserIsTheUserOfTheGeneratedManifests() throws Exception {
        String manifest = Files.readString(Manifests.KUBERNETES.resolve("base/generated/assessment-service.yaml"));
        assertThat(manifest).contains("runAsUser: " + BaseImage.UID).contains("runAsGroup: " + BaseImage.UID);
    }

    @Test
    void everyServicesPortIsTheOneItsManifestExposes() throws Exception {
        for (SparksService service : SparksService.all()) {
            String manifest = Files.readString(Manifests.KUBERNETES.resolve("base/generated/" + service.module() + ".yaml"));
            assertThat(manifest).as(service.module()).contains("containerPort: " + service.port());
        }
    }

    @Test
    void theBaseImageHasTheModulesTheServicesLoad() {
        assertThat(BaseImage.MODULES).contains("java.sql", "java.naming", "java.rmi", "java.security.sasl", "jdk.unsupported",
                "java.management", "jdk.crypto.ec");
        assertThat(BaseImage.MODULES).doesNotHaveDuplicates();
    }

    private void fakeQuarkusApp() throws Exception {
        for (String dir : List.of("lib/boot", "lib/main", "quarkus", "app")) {
            Files.createDirectories(app.resolve(dir));
        }
        Files.writeString(app.resolve("quarkus-run.jar"), "jar");
        Files.writeString(app.resolve("lib/main/dependency.jar"), "jar");
        Files.writeString(app.resolve("quarkus/generated-bytecode.jar"), "jar");
        Files.writeString(app.resolve("app/matching-service-1.2.3.jar"), "jar");
    }
}
