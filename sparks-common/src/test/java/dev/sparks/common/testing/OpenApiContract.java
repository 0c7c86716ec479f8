package dev.sparks.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.sparks.common.api.PageRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The OpenAPI documents are the contract with front-ends and HR systems. These checks keep them complete and keep
 * the committed copy ({@code deploy/openapi/<service>.yaml}) equal to what the service serves, so an API change
 * cannot slip out unreviewed. Pure functions over the parsed document; {@link ServiceContract} runs them against
 * each running service.
 */
public final class OpenApiContract {

    /** The one command that rewrites the committed documents from the services' builds. */
    public static final String REFRESH = "deploy/openapi/refresh";

    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Set<String> SCALARS = Set.of("string", "number", "integer", "boolean");
    private static final Pattern OPERATION_ID = Pattern.compile("[a-z][a-zA-Z0-9]*");
    private static final String PROBLEM_JSON = "application/problem+json";

    private OpenApiContract() {
    }

    /** Parses YAML or JSON (comments, such as the generated-file header, are ignored). */
    public static JsonNode parse(String document) {
        try {
            return YAML.readTree(document);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(Path file) {
        try {
            return parse(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The repository's root: the first directory upwards from the working directory that holds {@code deploy/}. */
    public static Path repositoryRoot() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("deploy/openapi"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("No deploy/openapi above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    public static Path committedDocument(String service) {
        return repositoryRoot().resolve("deploy/openapi/" + service + ".yaml");
    }

    /**
     * Fails, naming the refresh command, when the served document differs from the committed one. Both are
     * compared as trees, so formatting, key order and comments do not count.
     */
    public static void assertMatchesCommitted(Path committed, JsonNode served) {
        if (!Files.exists(committed)) {
            throw new AssertionError("No committed OpenAPI document " + committed + ". Run " + REFRESH
                    + " and commit the result.");
        }
        List<String> differences = differences(read(committed), served);
        if (!differences.isEmpty()) {
            throw new AssertionError("The served OpenAPI document differs from the committed contract "
                    + committed.getFileName() + " at " + differences.size() + " place(s):\n  "
                    + String.join("\n  ", differences.subList(0, Math.min(20, differences.size())))
                    + "\nIf the change is intended, run " + REFRESH + " and commit the result (its diff is the API "
                    + "change clients will see; the breaking-change check compares it with deploy/openapi/baseline).");
        }
    }

    /** Where two documents differ, as JSON-pointer-like paths; empty when they are the same tree. */
    public static List<String> differences(JsonNode expected, JsonNode actual) {
        List<String> out = new ArrayList<>();
        diff("", expected, actual, out);
        return out;
    }

    private static void diff(String at, JsonNode expected, JsonNode actual, List<String> out) {
        if (expected == null || actual == null) {
            out.add(at + (expected == null ? ": not in the committed document" : ": missing from the served document"));
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            Set<String> names = new TreeSet<>();
            expected.fieldNames().forEachRemaining(names::add);
            actual.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                diff(at + "/" + name.replace("~", "~0").replace("/", "~1"), expected.get(name), actual.get(name), out);
            }
        } else if (expected.isArray() && actual.isArray() && expected.size() == actual.size()) {
            for (int i = 0; i < expected.size(); i++) {
                diff(at + "/" + i, expected.get(i), actual.get(i), out);
            }
        } else if (!expected.equals(actual)) {
            out.add(at + ": committed " + abbreviate(expected) + ", served " + abbreviate(actual));
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 77) + "..." : text;
    }

    /**
     * What keeps the document from being a complete contract: every operation has a camelCase operationId unique in
     * the document, a summary and a description, a success answer, problem+json for every error answer (at least one
     * 4xx), security naming its roles in the description unless it is in {@code publicOperations}, and paging
     * parameters described exactly as {@link PageRequest} describes them.
     */
    public static List<String> incompleteness(JsonNode doc, Set<String> publicOperations) {
        List<String> gaps = new ArrayList<>();
        Map<String, String> paging = pagingDescriptions();
        Set<String> ids = new HashSet<>();
        JsonNode globalSecurity = doc.path("security");
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = ops.next();
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                JsonNode op = entry.getValue();
                String where = entry.getKey().toUpperCase() + " " + path.getKey();
                String id = op.path("operationId").asText("");
                if (!OPERATION_ID.matcher(id).matches()) {
                    gaps.add(where + ": operationId '" + id + "' is not camelCase");
                } else if (!ids.add(id)) {
                    gaps.add(where + ": operationId " + id + " is used twice");
                }
                for (String text : List.of("summary", "description")) {
                    if (op.path(text).asText("").isBlank()) {
                        gaps.add(where + ": no " + text);
                    }
                }
                checkResponses(where, op.path("responses"), gaps);
                JsonNode security = op.has("security") ? op.get("security") : globalSecurity;
                boolean secured = security.isArray() && !security.isEmpty();
                if (publicOperations.contains(id)) {
                    if (secured) {
                        gaps.add(where + ": listed as public but requires a token");
                    }
                } else if (!secured) {
                    gaps.add(where + ": no security requirement (add the role, or list " + id + " as public)");
                } else {
                    if (!op.path("responses").has("401")) {
                        gaps.add(where + ": secured but no 401 answer");
                    }
                    for (JsonNode requirement : security) {
                        for (JsonNode roles : requirement) {
                            for (JsonNode role : roles) {
                                if (!op.path("description").asText("").contains(role.asText())) {
                                    gaps.add(where + ": description does not name role " + role.asText());
                                }
                            }
                        }
                    }
                }
                for (JsonNode parameter : op.path("parameters")) {
                    String name = parameter.path("name").asText();
                    if (parameter.path("in").asText().equals("query") && paging.containsKey(name)
                            && !paging.get(name).equals(parameter.path("description").asText())) {
                        gaps.add(where + ": paging parameter " + name + " is described as '"
                                + parameter.path("description").asText() + "', not as PageRequest describes it");
                    }
                }
            }
        }
        if (ids.isEmpty()) {
            gaps.add("the document has no operations");
        }
        return gaps;
    }

    private static void checkResponses(String where, JsonNode responses, List<String> gaps) {
        boolean success = false;
        boolean problem4xx = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = responses.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> response = it.next();
            char kind = response.getKey().charAt(0);
            if (kind == '2' || kind == '3') {
                success = true;
            } else if (kind == '4' || kind == '5') {
                boolean isProblem = response.getValue().path("content").has(PROBLEM_JSON);
                if (!isProblem) {
                    gaps.add(where + ": answer " + response.getKey() + " is not " + PROBLEM_JSON);
                }
                problem4xx |= isProblem && kind == '4';
            }
        }
        if (!success) {
            gaps.add(where + ": no success answer");
        }
        if (!problem4xx) {
            gaps.add(where + ": no 4xx answer documented as " + PROBLEM_JSON);
        }
    }

    /**
     * Where the document's request and response schemas lack examples, as {@code Schema.property}: every property of
     * an object component schema that is a scalar (string, number, integer, boolean) or refers to one (an enum, a
     * UUID) needs an example, on itself or on the schema it refers to, unless the object schema has an example of
     * its own. Arrays, maps and nested objects are covered by their item or referenced schemas.
     */
    public static List<String> missingExamples(JsonNode doc) {
        JsonNode schemas = doc.path("components").path("schemas");
        List<String> gaps = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = schemas.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> schema = it.next();
            if (!hasType(schema.getValue(), "object") || hasExample(schema.getValue())) {
                continue;
            }
            for (Iterator<Map.Entry<String, JsonNode>> props = schema.getValue().path("properties").fields();
                    props.hasNext(); ) {
                Map.Entry<String, JsonNode> property = props.next();
                JsonNode target = referenced(schemas, property.getValue());
                boolean exampled = hasExample(property.getValue()) || (target != null && hasExample(target));
                if (!exampled && isScalar(target != null ? target : property.getValue())) {
                    gaps.add(schema.getKey() + "." + property.getKey());
                }
            }
        }
        return gaps;
    }

    private static boolean hasExample(JsonNode schema) {
        return schema.has("example") || schema.has("examples");
    }

    private static boolean hasType(JsonNode schema, String type) {
        JsonNode types = schema.path("type");
        if (types.isArray()) {
            for (JsonNode t : types) {
                if (t.asText().equals(type)) {
                    return true;
                }
            }
            return false;
        }
        return types.asText().equals(type);
    }

    private static boolean isScalar(JsonNode schema) {
        return SCALARS.stream().anyMatch(type -> hasType(schema, type));
    }

    /** The component a property refers to, directly or through anyOf/allOf/oneOf (as a nullable one does). */
    private static JsonNode referenced(JsonNode schemas, JsonNode property) {
        List<JsonNode> candidates = new ArrayList<>(List.of(property));
        for (String combinator : List.of("anyOf", "allOf", "oneOf")) {
            property.path(combinator).forEach(candidates::add);
        }
        for (JsonNode candidate : candidates) {
            String ref = candidate.path("$ref").asText("");
            if (ref.startsWith("#/components/schemas/")) {
                return schemas.path(ref.substring("#/components/schemas/".length()));
            }
        }
        return null;
    }

    /** page and size as the shared {@link PageRequest} describes them: the one wording every listing uses. */
    static Map<String, String> pagingDescriptions() {
        Map<String, String> out = new HashMap<>();
        for (String name : List.of("page", "size")) {
            try {
                out.put(name, PageRequest.class.getField(name).getAnnotation(Parameter.class).description());
            } catch (NoSuchFieldException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
