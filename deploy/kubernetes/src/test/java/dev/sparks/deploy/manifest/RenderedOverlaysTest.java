package dev.sparks.deploy.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparks.deploy.SparksService;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every object of every overlay, rendered by Kustomize, against its schema and the project's policies. */
class RenderedOverlaysTest {

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void everyRenderedObjectPassesItsSchemaAndThePolicies(String overlay) throws Exception {
        List<ObjectNode> objects = Manifests.render(overlay);
        List<Finding> findings = Manifests.validator().validate(objects, overlay.endsWith("prod"));

        assertThat(findings).as("findings in %s", overlay).isEmpty();
        assertThat(Manifests.ofKind(objects, "Deployment")).hasSize(4);
        assertThat(Manifests.ofKind(objects, "CustomResourceDefinition")).isEmpty();
        for (String kind : List.of("Kafka", "KafkaNodePool", "Cluster", "Keycloak", "KeycloakRealmImport", "PrometheusRule",
                "HorizontalPodAutoscaler", "PodDisruptionBudget", "NetworkPolicy", "ServiceMonitor")) {
            assertThat(Manifests.ofKind(objects, kind)).as(kind + " in " + overlay).isNotEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void theServicesReadTheirDatabaseCredentialsFromTheSecretTheirDatabaseRoleUses(String overlay) {
        List<ObjectNode> objects = Manifests.render(overlay);
        ObjectNode cluster = Manifests.named(objects, "Cluster", "sparks-db");
        for (SparksService service : SparksService.all()) {
            ObjectNode deployment = Manifests.named(objects, "Deployment", service.module());
            String secret = service.module() + "-db";
            assertThat(deployment.path("spec").path("template").path("spec").path("containers").get(0).path("env").findValues("name"))
                    .extracting(n -> n.asText()).contains(secret);
            assertThat(cluster.path("spec").path("managed").path("roles").findValues("passwordSecret"))
                    .extracting(s -> s.path("name").asText()).contains(secret);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"overlays/dev", "overlays/prod"})
    void theProductionImagesArePinnedToTheRegistryAndDevUsesTheLocalBuild(String overlay) {
        for (ObjectNode deployment : Manifests.ofKind(Manifests.render(overlay), "Deployment")) {
            String image = deployment.path("spec").path("template").path("spec").path("containers").get(0).path("image").asText();
            String name = deployment.path("metadata").path("name").asText();
            if (overlay.endsWith("prod")) {
                assertThat(image).startsWith("registry.example.org/sparks/" + name + ":").doesNotContain("SNAPSHOT");
            } else {
                assertThat(image).isEqualTo("sparks/" + name + ":1.0.0-SNAPSHOT");
            }
        }
    }
}
