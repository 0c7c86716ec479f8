package dev.sparks.deploy.manifest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import io.fabric8.kubernetes.schema.validator.Validator;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The same Kubernetes OpenAPI document fabric8's validator uses, read directly, for the kinds whose definition that
 * validator's name lookup does not find (networking.k8s.io's NetworkPolicy among them): the kind's definition with
 * every definition it refers to, closed against unknown fields like the validator's, numbers allowed where
 * Kubernetes allows them (int-or-string, quantity).
 */
final class OpenApiDefinitions {

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7);

    private final ObjectNode definitions;
    private final Map<String, Optional<JsonSchema>> byKind = new ConcurrentHashMap<>();

    OpenApiDefinitions() throws IOException {
        try (InputStream in = Validator.class.getResourceAsStream("/openshift-generated.json")) {
            if (in == null) {
                throw new IOException("fabric8's OpenAPI document (openshift-generated.json) is not on the classpath");
            }
            JsonNode document = new ObjectMapper().readTree(in);
            ObjectNode closed = new ObjectMapper().createObjectNode();
            document.path("definitions").fields().forEachRemaining(d -> closed.set(d.getKey(), CrdSchemas.strict(kubernetesTypes(d.getKey(), d.getValue()))));
            this.definitions = closed;
        }
    }

    /** Empty when the document has no definition of this kind. */
    Optional<List<String>> validate(JsonNode object) {
        String apiVersion = object.path("apiVersion").asText();
        String kind = object.path("kind").asText();
        return byKind.computeIfAbsent(apiVersion + "/" + kind, k -> find(apiVersion, kind).map(name -> {
            ObjectNode schema = new ObjectMapper().createObjectNode();
            schema.put("$ref", "#/definitions/" + name);
            schema.set("definitions", definitions);
            return FACTORY.getSchema(schema);
        })).map(schema -> {
            List<String> messages = new ArrayList<>();
            schema.validate(object).forEach(m -> messages.add(m.getMessage()));
            return messages;
        });
    }

    private Optional<String> find(String apiVersion, String kind) {
        String[] gv = apiVersion.contains("/") ? apiVersion.split("/", 2) : new String[] {"core", apiVersion};
        String groupWord = "." + gv[0].split("\\.")[0] + ".";
        Iterator<String> names = definitions.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (name.startsWith("io.k8s.api.") && name.endsWith("." + gv[1] + "." + kind) && name.contains(groupWord)) {
                return Optional.of(name);
            }
        }
        return Optional.empty();
    }

    /** Swagger's formats for the types the API server accepts as a number or a string. */
    private static JsonNode kubernetesTypes(String name, JsonNode definition) {
        if (name.equals("io.k8s.apimachinery.pkg.util.intstr.IntOrString") || name.equals("io.k8s.apimachinery.pkg.api.resource.Quantity")) {
            ObjectNode copy = definition.deepCopy();
            copy.put("x-kubernetes-int-or-string", true);
            return copy;
        }
        return definition;
    }
}
