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
 * The committed OpenAPI documents against their released baseline and the examples rule, and proof that the contract
 * checks catch an unplanned change: each test below makes one programmatically and expects the check to refuse it.
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
    void everyCommittedDocumentHasExamples() throws IOException {
        List<Path> documents;
        try (Stream<Path> files = Files.list(OPENAPI)) {
            documents = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        assertThat(documents).extracting(f -> f.getFileName().toString())
                .contains("assessment-service.yaml", "mentor-service.yaml", "matching-service.yaml",
                        "notification-service.yaml");
        for (Path document : documents) {
            assertThat(OpenApiContract.missingExamples(OpenApiContract.read(document)))
                    .as(document.getFileName() + ": schema properties without an example. Add @Schema(examples = ...)"
                            + " to the record component (realistic values), then run " + OpenApiContract.REFRESH)
                    .isEmpty();
        }
    }

    @Test
    void aPropertyWithoutAnExampleIsReported() throws IOException {
        ObjectNode doc = committed();
        ObjectNode properties = (ObjectNode) doc.path("components").path("schemas").path("MentorView")
                .path("properties");
        ((ObjectNode) properties.path("name")).remove("examples");
        properties.putObject("field").put("$ref", "#/components/schemas/Field");
        properties.putObject("id").put("$ref", "#/components/schemas/UUID");
        properties.putObject("createdAt").put("$ref", "#/components/schemas/Instant");
        properties.putObject("nickname").putArray("type").add("string").add("null");
        properties.putObject("tags").put("type", "array").putObject("items").put("type", "string");
        assertThat(OpenApiContract.missingExamples(doc))
                .as("scalars and references to enums or UUIDs need an example; Instant has one, arrays are exempt")
                .containsExactlyInAnyOrder("MentorView.name", "MentorView.field", "MentorView.id",
                        "MentorView.nickname");

        ((ObjectNode) doc.path("components").path("schemas").path("MentorView")).putArray("examples").addObject()
                .put("name", "Maya Lindqvist");
        assertThat(OpenApiContract.missingExamples(doc)).as("an example of the whole schema covers it").isEmpty();
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
    void changingTheTypeOfAFieldOrParameterIsBreaking() throws IOException {
        ObjectNode retyped = committed();
        ObjectNode capacity = (ObjectNode) retyped.path("components").path("schemas").path("MentorView")
                .path("properties").path("capacity");
        capacity.put("type", "string");
        capacity.remove("format");
        assertThat(OpenApiCompatibility.breakingChanges(original(), YAML.writeValueAsString(retyped)))
                .anyMatch(change -> change.startsWith("schema MentorView: property capacity changed from integer"));

        ObjectNode parameterRetyped = committed();
        for (JsonNode parameter : parameterRetyped.path("paths").path("/api/v1/mentors").path("get")
                .path("parameters")) {
            if (parameter.path("name").asText().equals("accepting")) {
                ((ObjectNode) parameter).putObject("schema").put("type", "integer");
            }
        }
        assertThat(OpenApiCompatibility.breakingChanges(original(), YAML.writeValueAsString(parameterRetyped)))
                .anyMatch(change -> change.startsWith("GET /api/v1/mentors: parameter accepting changed from boolean"));
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
    void aResponseHeaderMayGainASchemaButNotChangeIt() throws IOException {
        ObjectNode released = committed();
        etag(released).remove("schema");
        assertThat(OpenApiCompatibility.breakingChanges(YAML.writeValueAsString(released), original()))
                .as("a header declared without a schema promised no particular value")
                .isEmpty();

        ObjectNode reformatted = committed();
        ((ObjectNode) etag(reformatted).path("schema")).put("format", "uri");
        assertThat(OpenApiCompatibility.breakingChanges(original(), YAML.writeValueAsString(reformatted)))
                .as("a header that has a schema is judged like any other")
                .anyMatch(change -> change.startsWith("GET /api/v1/mentors/{id}") && change.contains("responses"));

        ObjectNode dropped = committed();
        etag(dropped).remove("schema");
        assertThat(OpenApiCompatibility.breakingChanges(original(), YAML.writeValueAsString(dropped)))
                .as("and may not lose it again")
                .anyMatch(change -> change.startsWith("GET /api/v1/mentors/{id}") && change.contains("responses"));
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

    private static ObjectNode etag(ObjectNode doc) {
        return (ObjectNode) doc.path("paths").path("/api/v1/mentors/{id}").path("get").path("responses").path("200")
                .path("headers").path("ETag");
    }

    private static String original() throws IOException {
        return Files.readString(OPENAPI.resolve(SUBJECT));
    }

    private static ObjectNode committed() throws IOException {
        return (ObjectNode) YAML.readTree(original());
    }
}
