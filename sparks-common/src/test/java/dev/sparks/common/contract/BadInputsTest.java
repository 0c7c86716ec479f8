package dev.sparks.common.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.testing.ApiOperations;
import dev.sparks.common.testing.BadInputs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The cases the bad-input contract sends, generated from a small document. */
class BadInputsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String DOCUMENT = """
            {"paths": {"/api/v1/things/{id}": {"put": {"operationId": "putThing",
              "parameters": [{"name": "id", "in": "path", "required": true, "schema": {"$ref": "#/components/schemas/UUID"}},
                             {"name": "page", "in": "query", "schema": {"type": "integer", "minimum": 0}}],
              "requestBody": {"required": true, "content": {"application/json": {"schema": {"$ref": "#/components/schemas/Thing"}}}},
              "security": [{"SecurityScheme": ["program-admin"]}]}}},
             "components": {"schemas": {
               "UUID": {"type": "string", "format": "uuid"},
               "Thing": {"type": "object", "required": ["name"], "properties": {
                 "name": {"type": "string", "maxLength": 5},
                 "count": {"type": "integer", "minimum": 1, "maximum": 3},
                 "colour": {"type": "string", "enum": ["RED", "GREEN"]},
                 "notes": {"type": "string"}}}}}}
            """;

    private final ApiOperations.Operation operation = ApiOperations.of(read(DOCUMENT)).get(0);
    private final List<BadInputs.Case> cases = new BadInputs(operation, new BadInputs.Good(
            Map.of("id", "00000000-0000-4000-8000-000000000001"),
            Map.of("application/json", read("{\"name\": \"ok\", \"count\": 2, \"colour\": \"RED\", \"notes\": \"n\"}"))),
            1000).cases();

    @Test
    void theDocumentIsReadWithItsReferencesResolved() {
        assertThat(operation.operationId()).isEqualTo("putThing");
        assertThat(operation.roles()).containsExactly("program-admin");
        assertThat(operation.jsonBody().orElseThrow().path("properties").path("count").path("maximum").asInt())
                .isEqualTo(3);
        assertThat(operation.parameters("path").get(0).schema().path("format").asText()).isEqualTo("uuid");
    }

    @Test
    void everyFieldIsBrokenByItsSchema() {
        assertThat(body("name missing")).doesNotContainKey("name").containsKey("count");
        assertThat(body("name of 6 characters (max 5)")).containsEntry("name", "xxxxxx");
        assertThat(body("count = 4 (maximum 3)")).containsEntry("count", 4);
        assertThat(body("count = 0 (minimum 1)")).containsEntry("count", 0);
        assertThat(body("colour = NOT_A_CHOICE (not in the enumeration)")).containsEntry("colour", "NOT_A_CHOICE");
        assertThat(body("count = \"12\" (not integer)")).containsEntry("count", "12");
        assertThat(body("unknown field at body")).containsEntry("unexpected", 1);
        assertThat(labels()).contains("malformed JSON \"not json\"", "empty body", "a JSON [] instead of object",
                "a body of 1001 bytes (over the limit)");
        assertThat(cases).filteredOn(c -> c.label().startsWith("a body of")).singleElement()
                .extracting(BadInputs.Case::status).isEqualTo(413);
    }

    @Test
    void hostileTextInAFreeTextFieldTravelsWithAnotherViolation() {
        String hostile = BadInputs.HOSTILE.get(1);
        BadInputs.Case inNotes = cases.stream().filter(c -> c.label().startsWith("notes = \"<script>")).findFirst()
                .orElseThrow();
        Map<String, Object> body = JSON.convertValue(read(new String(inNotes.body(), StandardCharsets.UTF_8)),
                Map.class);
        assertThat(body).containsEntry("notes", hostile).doesNotContainKey("name");
        // in a field whose schema constrains it, the hostile text is wrong on its own
        assertThat(body(cases.stream().filter(c -> c.label().startsWith("colour = \"<script>")).findFirst()
                .orElseThrow().label())).containsEntry("colour", hostile).containsKey("name");
    }

    @Test
    void typedQueryParametersMustBeRefusedWithA400NamingThem() {
        assertThat(cases).filteredOn(c -> c.label().startsWith("query page")).isNotEmpty()
                .allSatisfy(c -> {
                    assertThat(c.status()).isEqualTo(400);
                    assertThat(c.field()).isEqualTo("page");
                });
        assertThat(cases).filteredOn(c -> c.label().startsWith("query page = \"-1\"")).hasSize(1);
        assertThat(cases).filteredOn(c -> c.label().startsWith("path id")).isNotEmpty()
                .allSatisfy(c -> assertThat(c.expect()).isEqualTo(BadInputs.Expect.REFUSED));
    }

    private List<String> labels() {
        return cases.stream().map(BadInputs.Case::label).toList();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> body(String label) {
        BadInputs.Case found = cases.stream().filter(c -> c.label().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no case " + label + " in " + labels()));
        return JSON.convertValue(read(new String(found.body(), StandardCharsets.UTF_8)), Map.class);
    }

    private static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
