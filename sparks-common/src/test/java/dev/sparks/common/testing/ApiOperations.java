package dev.sparks.common.testing;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The operations of a service's OpenAPI document, with their parameters, request bodies (schemas with every
 * {@code $ref} resolved) and security, so the access and bad-input checks are driven by the contract the service
 * really serves rather than by lists kept by hand.
 */
public final class ApiOperations {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    private static final Pattern PATH_PARAMETER = Pattern.compile("\\{([^}]+)}");
    private static final int MAX_REF_DEPTH = 8;

    /** One parameter: where it goes ({@code path}, {@code query}, {@code header}) and its resolved schema. */
    public record Parameter(String name, String in, boolean required, JsonNode schema) {
    }

    /**
     * One operation.
     *
     * @param bodies request body schema per content type, in document order; empty when the operation takes none
     * @param roles the roles of its security requirement; empty for "any authenticated caller"
     * @param secured false only for operations that need no token at all
     */
    public record Operation(String method, String path, String operationId, List<Parameter> parameters,
            Map<String, JsonNode> bodies, boolean bodyRequired, boolean secured, Set<String> roles) {

        public boolean takesInput() {
            return !parameters.isEmpty() || !bodies.isEmpty();
        }

        public boolean isRead() {
            return method.equals("GET");
        }

        public List<Parameter> parameters(String in) {
            return parameters.stream().filter(p -> p.in().equals(in)).toList();
        }

        public Optional<JsonNode> jsonBody() {
            return bodies.entrySet().stream().filter(e -> isJson(e.getKey())).map(Map.Entry::getValue).findFirst();
        }

        public Optional<String> jsonContentType() {
            return bodies.keySet().stream().filter(ApiOperations::isJson).findFirst();
        }

        /** The path with each {@code {name}} replaced by its value, each value encoded as one path segment. */
        public String path(Map<String, String> values) {
            Matcher matcher = PATH_PARAMETER.matcher(path);
            StringBuilder out = new StringBuilder();
            while (matcher.find()) {
                String value = values.get(matcher.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("no value for {" + matcher.group(1) + "} of " + operationId);
                }
                matcher.appendReplacement(out, Matcher.quoteReplacement(segment(value)));
            }
            matcher.appendTail(out);
            return out.toString();
        }

        @Override
        public String toString() {
            return operationId + " (" + method + " " + path + ")";
        }
    }

    private ApiOperations() {
    }

    /** The operations of the document the running service serves at {@code /q/openapi}. */
    public static List<Operation> served() {
        return of(OpenApiContract.parse(given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .extract().asString()));
    }

    /** A schema of the served document's components, with every {@code $ref} resolved. */
    public static JsonNode servedSchema(String name) {
        JsonNode doc = OpenApiContract.parse(given().accept("application/json").get("/q/openapi").then()
                .statusCode(200).extract().asString());
        return resolve(doc, doc.path("components").path("schemas").path(name), 0);
    }

    public static List<Operation> of(JsonNode doc) {
        List<Operation> out = new ArrayList<>();
        JsonNode globalSecurity = doc.path("security");
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = ops.next();
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode op = entry.getValue();
                List<Parameter> parameters = new ArrayList<>();
                List<JsonNode> declared = new ArrayList<>();
                path.getValue().path("parameters").forEach(declared::add);
                op.path("parameters").forEach(declared::add);
                for (JsonNode p : declared) {
                    JsonNode parameter = resolve(doc, p, 0);
                    parameters.add(new Parameter(parameter.path("name").asText(), parameter.path("in").asText(),
                            parameter.path("required").asBoolean(false), resolve(doc, parameter.path("schema"), 0)));
                }
                Map<String, JsonNode> bodies = new LinkedHashMap<>();
                JsonNode requestBody = resolve(doc, op.path("requestBody"), 0);
                for (Iterator<Map.Entry<String, JsonNode>> media = requestBody.path("content").fields();
                        media.hasNext(); ) {
                    Map.Entry<String, JsonNode> type = media.next();
                    bodies.put(type.getKey(), resolve(doc, type.getValue().path("schema"), 0));
                }
                JsonNode security = op.has("security") ? op.get("security") : globalSecurity;
                boolean secured = security.isArray() && !security.isEmpty();
                Set<String> roles = new LinkedHashSet<>();
                for (JsonNode requirement : security) {
                    requirement.forEach(scopes -> scopes.forEach(role -> roles.add(role.asText())));
                }
                out.add(new Operation(entry.getKey().toUpperCase(), path.getKey(), op.path("operationId").asText(),
                        parameters, bodies, requestBody.path("required").asBoolean(false), secured, roles));
            }
        }
        return out;
    }

    /** The node with every {@code $ref} inlined (siblings of a {@code $ref} win over the referenced schema). */
    static JsonNode resolve(JsonNode doc, JsonNode node, int depth) {
        if (node == null || node.isMissingNode() || node.isNull() || depth > MAX_REF_DEPTH) {
            return node == null ? JsonNodeFactory.instance.missingNode() : node;
        }
        if (node.isArray()) {
            var array = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> array.add(resolve(doc, item, depth)));
            return array;
        }
        if (!node.isObject()) {
            return node;
        }
        ObjectNode out = JsonNodeFactory.instance.objectNode();
        if (node.has("$ref")) {
            JsonNode target = doc.at(node.get("$ref").asText().substring(1));
            JsonNode resolved = resolve(doc, target, depth + 1);
            if (resolved.isObject()) {
                out.setAll((ObjectNode) resolved);
            }
        }
        for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!field.getKey().equals("$ref")) {
                // examples and enums are values, not schemas: copied as they are
                boolean values = field.getKey().equals("examples") || field.getKey().equals("enum")
                        || field.getKey().equals("example") || field.getKey().equals("default");
                out.set(field.getKey(), values ? field.getValue() : resolve(doc, field.getValue(), depth));
            }
        }
        return out;
    }

    static boolean isJson(String contentType) {
        return contentType.equals("application/json") || contentType.endsWith("+json");
    }

    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Query string of name-value pairs, each encoded. */
    static String query(List<Map.Entry<String, String>> pairs) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> pair : pairs) {
            out.append(out.length() == 0 ? "?" : "&").append(segment(pair.getKey())).append('=')
                    .append(segment(pair.getValue()));
        }
        return out.toString();
    }
}
