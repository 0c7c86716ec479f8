package dev.sparks.deploy.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sparks.deploy.manifest.Manifests;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The cluster's topics are deploy/local/topics.conf's: names, partitions and configuration, replicated per overlay. */
class KafkaTopicsTest {

    @ParameterizedTest
    @CsvSource({"overlays/dev, 1, 1", "overlays/prod, 3, 2"})
    void theRenderedTopicsAreTheLocalList(String overlay, int replicas, String minInSync) throws Exception {
        List<Topic> local = Topic.read(Manifests.ROOT.resolve("deploy/local/topics.conf")).stream().filter(t -> !t.testOnly()).toList();
        Map<String, ObjectNode> rendered = Manifests.ofKind(Manifests.render(overlay), "KafkaTopic").stream()
                .collect(Collectors.toMap(t -> t.path("spec").path("topicName").asText(), t -> t));

        assertThat(rendered.keySet()).containsExactlyInAnyOrderElementsOf(local.stream().map(Topic::name).toList());
        for (Topic topic : local) {
            ObjectNode resource = rendered.get(topic.name());
            assertThat(resource.path("metadata").path("labels").path("strimzi.io/cluster").asText()).isEqualTo(GeneratedManifests.KAFKA_CLUSTER);
            assertThat(resource.path("spec").path("partitions").asInt()).as(topic.name()).isEqualTo(topic.partitions());
            assertThat(resource.path("spec").path("replicas").asInt()).as(topic.name()).isEqualTo(replicas);
            assertThat(resource.path("spec").path("config").path("min.insync.replicas").asText()).isEqualTo(minInSync);
            topic.config().forEach((key, value) ->
                    assertThat(resource.path("spec").path("config").path(key).asText()).as(topic.name() + " " + key).isEqualTo(value));
        }
        assertThat(rendered.get("sparks.mentors").path("spec").path("config").path("cleanup.policy").asText()).isEqualTo("compact");
    }
}
