package dev.sparks.common.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sparks.common.testing.OpenApiContract;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed OpenAPI documents against their released baseline, and proof that the contract checks catch an
 * unplanned change: each test below makes one programmatically and expects the check to refuse it.
 */
class OpenApiContractChecksTest {

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Path OPENAPI = OpenApiContract.repositoryRoot().resolve("deploy/openapi");
    private static final String SUBJECT = "mentor-service.yaml";

    @Test
    void everyCommittedDocumentKeepsTheReleasedContract() throws IOException {
        List<Path> baselines;
        try (Stream<Path> files = Files.list(OPENAPI.resolve("baseline"))) {
            baselines = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(baselines).extracting(f -> f.getFileName().toString())
                .contains("assessment-service.yaml", "mentor-service.yaml", "matching-service.yaml",
                        "notification-service.yaml");
        for (Path baseline : baselines) {
            Path committed = OPENAPI.resolve(baseline.getFileName());
            assertThat(committed).as("the committed document for baseline " + baseline).exists();
            assertThat(OpenApiCompatibility.breakingChanges(Files.readString(baseline), Files.readString(committed)))
                    .as(committed.getFileName() + " breaks clients of the released contract. Keep the old operation "
                            + "(add a new one, or a new /api/v2 path), or release the break deliberately with "
                            + OpenApiCompatibility.RELEASE)
                    .isEmpty();
        }
    }

    @Test
    void removingAnOperationIsBreaking() throws IOException {
        ObjectNode doc = committed();
        ((ObjectNode) doc.path("paths").path("/api/v1/mentors/{id}")).remove("delete");
        assertThat(OpenApiCompatibility.breakingChanges(original(), YAML.writeValueAsString(doc)))
                .anyMatch(change -> change.contains("/api/v1/mentors/{id}") && change.contains("removed"));
    }

    @Test
    void removingAResponseFieldIsBreaking() throws IOException {
        ObjectNode doc = committed();
        ((ObjectNode) doc.path("components").path("schemas").path("MentorView").path("properties")).remove("capacity");
        assertThat(OpenApiCompatibility.breakingChanges(original(), YAML.writeValueAsString(doc)))
                .anyMatch(change -> change.contains("/api/v1/mentors") && change.contains("[capacity] removed"));
    }

    @Test
    void makingAnOptionalParameterRequiredIsBreaking() throws IOException {
        ObjectNode doc = committed();
        for (JsonNode parameter : doc.path("paths").path("/api/v1/mentors").path("get").path("parameters")) {
            if (parameter.path("name").asText().equals("accepting")) {
                ((ObjectNode) parameter).put("required", true);
            }
        }
        assertThat(OpenApiCompatibility.breakingChanges(original(), YAML.writeValueAsString(doc)))
                .anyMatch(change -> change.startsWith("GET /api/v1/mentors") && change.contains("parameters"));
    }

    @Test
    void addingOperationsAndOptionalFieldsIsCompatible() throws IOException {
        ObjectNode doc = committed();
        ObjectNode paths = (ObjectNode) doc.path("paths");
        paths.set("/api/v1/mentors/{id}/notes", paths.path("/api/v1/mentors/{id}").deepCopy());
        ((ObjectNode) doc.path("components").path("schemas").path("MentorView").path("properties"))
                .putObject("nickname").put("type", "string");
        assertThat(OpenApiCompatibility.breakingChanges(original(), YAML.writeValueAsString(doc))).isEmpty();
    }

    @Test
    void aBreakingChangeIsAllowedOnlyAsANewPathVersion() throws IOException {
        ObjectNode doc = committed();
        ObjectNode paths = (ObjectNode) doc.path("paths");
        ObjectNode v2 = YAML.createObjectNode();
        paths.fields().forEachRemaining(path -> v2.set(path.getKey().replace("/api/v1/", "/api/v2/"), path.getValue()));
        ((ObjectNode) v2.path("/api/v2/mentors/{id}")).remove("delete");
        doc.set("paths", v2);
        assertThat(OpenApiCompatibility.breakingChanges(original(), YAML.writeValueAsString(doc)))
                .as("v1 retired as a whole, v2 served: a versioned break")
                .isEmpty();

        ObjectNode mixed = committed();
        ((ObjectNode) mixed.path("paths").path("/api/v1/mentors/{id}")).remove("delete");
        ((ObjectNode) mixed.path("paths")).set("/api/v2/mentors/{id}", mixed.path("paths").path("/api/v1/mentors/{id}"));
        assertThat(OpenApiCompatibility.breakingChanges(original(), YAML.writeValueAsString(mixed)))
                .as("v1 still served: removing one of its operations breaks its clients")
                .isNotEmpty();
    }

    @Test
    void driftFromTheCommittedDocumentFailsNamingTheRefreshCommand() throws IOException {
        Path committed = OPENAPI.resolve(SUBJECT);
        JsonNode same = OpenApiContract.parse(Files.readString(committed));
        OpenApiContract.assertMatchesCommitted(committed, same);

        ObjectNode served = committed();
        ((ObjectNode) served.path("paths").path("/api/v1/mentors").path("get")).put("summary", "Mentors");
        ((ArrayNode) served.path("components").path("schemas").path("MentorRequest").path("required")).add("bio");
        assertThatThrownBy(() -> OpenApiContract.assertMatchesCommitted(committed, served))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("/paths/~1api~1v1~1mentors/get/summary")
                .hasMessageContaining("/components/schemas/MentorRequest/required")
                .hasMessageContaining("run " + OpenApiContract.REFRESH);
    }

    private static String original() throws IOException {
        return Files.readString(OPENAPI.resolve(SUBJECT));
    }

    private static ObjectNode committed() throws IOException {
        return (ObjectNode) YAML.readTree(original());
    }
}
