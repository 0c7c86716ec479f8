package dev.sparks.deploy.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The custom resources' schemas: the {@code openAPIV3Schema} of each version of each CustomResourceDefinition found in
 * the given files, made strict the way the API server's strict field validation is (a field the structural schema
 * does not name is an error unless the schema preserves unknown fields), and with Kubernetes' extensions
 * ({@code x-kubernetes-int-or-string}, {@code nullable}) in JSON Schema terms.
 */
public final class CrdSchemas {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private final Map<String, JsonSchema> byGroupVersionKind = new LinkedHashMap<>();

    /** Loads every CRD of every YAML file under the given paths; a later path's CRD replaces an earlier one. */
    public static CrdSchemas load(List<Path> paths) throws IOException {
        CrdSchemas schemas = new CrdSchemas();
        for (Path path : paths) {
            if (!Files.exists(path)) {
                continue;
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(path)) {
                files = walk.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
            }
            for (Path file : files) {
                for (ObjectNode crd : Kustomize.parse(Files.readString(file))) {
                    if ("CustomResourceDefinition".equals(crd.path("kind").asText())) {
                        schemas.add(crd);
                    }
                }
            }
        }
        return schemas;
    }

    private void add(ObjectNode crd) {
        String group = crd.path("spec").path("group").asText();
        String kind = crd.path("spec").path("names").path("kind").asText();
        for (JsonNode version : crd.path("spec").path("versions")) {
            JsonNode schema = version.path("schema").path("openAPIV3Schema");
            if (!schema.isMissingNode()) {
                ObjectNode closed = (ObjectNode) strict(schema);
                // metadata is ObjectMeta, which the API server checks itself; CRDs only say "type: object".
                if (closed.path("properties").has("metadata")) {
                    ((ObjectNode) closed.get("properties")).putObject("metadata").put("type", "object");
                }
                byGroupVersionKind.put(group + "/" + version.path("name").asText() + "/" + kind, FACTORY.getSchema(closed));
            }
        }
    }

    public boolean knows(String apiVersion, String kind) {
        return byGroupVersionKind.containsKey(apiVersion + "/" + kind);
    }

    public int size() {
        return byGroupVersionKind.size();
    }

    /** Empty when the object's kind has no CRD here; otherwise the schema's complaints (none when valid). */
    public Optional<List<String>> validate(JsonNode object) {
        JsonSchema schema = byGroupVersionKind.get(object.path("apiVersion").asText() + "/" + object.path("kind").asText());
        if (schema == null) {
            return Optional.empty();
        }
        List<String> messages = new ArrayList<>();
        for (ValidationMessage message : schema.validate(object)) {
            messages.add(message.getMessage());
        }
        return Optional.of(messages);
    }

    /** The schema in JSON Schema terms, closed where the API server would prune or refuse unknown fields. */
    static JsonNode strict(JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        Iterator<Map.Entry<String, JsonNode>> fields = schema.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = field.getKey();
            JsonNode value = field.getValue();
            switch (key) {
                case "properties" -> {
                    ObjectNode props = out.putObject("properties");
                    value.fields().forEachRemaining(p -> props.set(p.getKey(), strict(p.getValue())));
                }
                case "items", "not" -> out.set(key, strict(value));
                case "additionalProperties" -> out.set(key, value.isObject() ? strict(value) : value);
                case "allOf", "anyOf", "oneOf" -> {
                    ArrayNode list = out.putArray(key);
                    value.forEach(v -> list.add(strict(v)));
                }
                case "description", "nullable", "x-kubernetes-int-or-string", "x-kubernetes-preserve-unknown-fields",
                        "x-kubernetes-list-type", "x-kubernetes-list-map-keys", "x-kubernetes-map-type",
                        "x-kubernetes-embedded-resource", "x-kubernetes-validations", "default", "example" -> {
                    // Kubernetes-only keywords; their meaning is applied below.
                }
                default -> out.set(key, value);
            }
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false)) {
            out.remove("type");
            ArrayNode anyOf = out.putArray("anyOf");
            anyOf.addObject().put("type", "integer");
            anyOf.addObject().put("type", "string");
        }
        if (schema.path("nullable").asBoolean(false) && out.has("type") && out.get("type").isTextual()) {
            ArrayNode types = JsonNodeFactory.instance.arrayNode().add(out.get("type").asText()).add("null");
            out.set("type", types);
        }
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        if ("object".equals(schema.path("type").asText()) && !preserve && !schema.has("additionalProperties")) {
            out.put("additionalProperties", false);
        }
        return out;
    }
}
