package dev.sparks.common.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.AbstractMap.SimpleEntry;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Bad requests for one operation, generated from its OpenAPI schemas rather than listed by hand: malformed and
 * mistyped bodies, missing and unknown fields, numbers out of range, strings over their limit, values outside an
 * enumeration or format, and a fixed set of hostile strings (SQL and HTML injection, control characters, tricky
 * Unicode) in every parameter and field. Every case is built so that the whole request is invalid: a hostile
 * string in a free-text field, where it may be legitimate data, travels with one other violation of the schema.
 * Pure: {@link BadInputContract} sends the cases to the running service.
 */
public final class BadInputs {

    /**
     * Legitimate as text, dangerous when a service builds SQL, HTML, paths, headers or templates from it; grouped
     * by kind, one string per group, to keep the number of requests down.
     */
    public static final List<String> HOSTILE = List.of(
            "' OR '1'='1'; DROP TABLE participant; -- 1) UNION SELECT table_name FROM information_schema.tables --"
                    + " \\\"; SELECT pg_sleep(5); --",
            "<script>alert(1)</script>\"><img src=x onerror=alert(1)> {{7*7}}${7*7}#{7*7} ../../../../etc/passwd"
                    + " %00%0d%0aSet-Cookie: x=y",
            "Zoë Åström 名前 😀 𝕏 \u202Egnp.exe\u202C \u200B\u200D\uFEFF e\u0301\u0301\u0301"
                    + " \uD83D\uDC69\u200D\uD83D\uDC69\u200D\uD83D\uDC67");

    /** Never valid in any text: no column, mail or page should hold them. */
    public static final List<String> CONTROL = List.of("nul\u0000inside", "bell\u0007 escape\u001b[31m",
            BadInputs.LONE_SURROGATE);

    /** Stands for an unpaired UTF-16 surrogate, which Jackson would not write: replaced by its JSON escape. */
    static final String LONE_SURROGATE = "lone-surrogate-\uE000-here";
    private static final String LONE_SURROGATE_JSON = "lone-surrogate-\\ud800-here";

    /** Longer than any column of any service; for free-text fields the schema gives no limit to. */
    static final int VERY_LONG = 100_000;
    /** Long, but within what the HTTP layer takes in a request line or header (over it is not the API's business). */
    static final int LONG_PARAMETER = 2_000;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** What an answer to a case must be. */
    public enum Expect {
        /** A 4xx problem+json (or the exact status of the case). */
        REFUSED,
        /** A read may answer 200 (e.g. a free-text filter that matches nothing); never 5xx, every 4xx a problem. */
        NO_SERVER_ERROR
    }

    /**
     * One bad request: path values, query pairs and headers on top of the operation's good ones, and the body.
     *
     * @param status the one acceptable status (e.g. 413, 415), or 0 for any that {@code expect} allows
     * @param field the parameter the problem's {@code errors} must name, or null
     */
    public record Case(String label, Map<String, String> path, List<Map.Entry<String, String>> query,
            Map<String, String> headers, String contentType, byte[] body, Expect expect, int status, String field) {

        Case(String label, Map<String, String> path, List<Map.Entry<String, String>> query,
                Map<String, String> headers, String contentType, byte[] body, Expect expect, int status) {
            this(label, path, query, headers, contentType, body, expect, status, null);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /**
     * What a good request of the operation looks like; the cases each break it in one place.
     *
     * @param bodies good JSON bodies by content type
     * @param texts good bodies of other content types (e.g. CSV), by content type
     */
    public record Good(Map<String, String> path, Map<String, JsonNode> bodies, Map<String, String> texts) {

        public Good(Map<String, String> path, Map<String, JsonNode> bodies) {
            this(path, bodies, Map.of());
        }
    }

    /** A JSON location, as keys and indexes. */
    record At(List<Object> steps) {

        At then(Object step) {
            List<Object> next = new ArrayList<>(steps);
            next.add(step);
            return new At(next);
        }

        boolean overlaps(At other) {
            int common = Math.min(steps.size(), other.steps.size());
            return steps.subList(0, common).equals(other.steps.subList(0, common));
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder();
            for (Object step : steps) {
                if (step instanceof Integer index) {
                    out.append('[').append(index).append(']');
                } else {
                    out.append(out.length() == 0 ? "" : ".").append(step);
                }
            }
            return out.length() == 0 ? "body" : out.toString();
        }
    }

    /** One change to the good body: remove the value at a place, or set it. */
    record Change(At at, JsonNode value, Kind kind) {
    }

    /** What a change breaks, in the order a companion violation is chosen. */
    enum Kind { REQUIRED, RANGE, LENGTH, ITEMS, CHOICE, FORMAT, TYPE, HOSTILE, UNKNOWN }

    private record FieldCase(String label, List<Change> changes, boolean needsCompanion) {
    }

    private final ApiOperations.Operation operation;
    private final Good good;
    private final long maxBodyBytes;
    private final Expect parameterExpectation;

    public BadInputs(ApiOperations.Operation operation, Good good, long maxBodyBytes) {
        this.operation = operation;
        this.good = good;
        this.maxBodyBytes = maxBodyBytes;
        this.parameterExpectation = operation.isRead() ? Expect.NO_SERVER_ERROR : Expect.REFUSED;
    }

    public List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        parameterCases(cases);
        for (Map.Entry<String, JsonNode> body : operation.bodies().entrySet()) {
            if (ApiOperations.isJson(body.getKey())) {
                jsonBodyCases(body.getKey(), body.getValue(), cases);
            } else {
                rawBodyCases(body.getKey(), cases);
            }
        }
        return cases;
    }

    // ---------------------------------------------------------------- parameters

    private void parameterCases(List<Case> cases) {
        for (ApiOperations.Parameter parameter : operation.parameters()) {
            List<String> values = new ArrayList<>(wrongValues(parameter.schema()));
            values.add("x".repeat(LONG_PARAMETER));
            if (!parameter.in().equals("header")) {
                values.addAll(HOSTILE);
                CONTROL.stream().filter(c -> !c.equals(LONE_SURROGATE)).forEach(values::add);
                if (!wrongValues(parameter.schema()).isEmpty()) {
                    // a typed parameter refuses any text: one hostile string of each kind is enough
                    values.removeAll(HOSTILE.subList(1, HOSTILE.size()));
                    values.removeAll(CONTROL.subList(1, CONTROL.size()));
                }
                if (parameter.in().equals("path")) {
                    values.addAll(List.of("..", "%2e%2e", " "));
                }
            } else {
                // header values are Latin-1 without control characters: the hostile ones that HTTP can carry
                HOSTILE.stream().filter(h -> h.chars().allMatch(c -> c >= 0x20 && c < 0x7f)).forEach(values::add);
            }
            for (String value : values) {
                String label = parameter.in() + " " + parameter.name() + " = " + describe(value);
                Map<String, String> path = new LinkedHashMap<>(good.path());
                List<Map.Entry<String, String>> query = new ArrayList<>();
                Map<String, String> headers = new LinkedHashMap<>();
                switch (parameter.in()) {
                    case "path" -> path.put(parameter.name(), value);
                    case "query" -> query.add(new SimpleEntry<>(parameter.name(), value));
                    case "header" -> headers.put(parameter.name(), value);
                    default -> {
                        continue;
                    }
                }
                Optional<Map.Entry<String, byte[]>> body = bodyForParameterCase();
                // a typed query parameter refuses what does not fit with a 400 naming it (not a 404, not a default)
                boolean typedQuery = parameter.in().equals("query") && !wrongValues(parameter.schema()).isEmpty();
                cases.add(new Case(label, path, query, headers, body.map(Map.Entry::getKey).orElse(null),
                        body.map(Map.Entry::getValue).orElse(null), typedQuery ? Expect.REFUSED : parameterExpectation,
                        typedQuery ? 400 : 0, typedQuery ? parameter.name() : null));
            }
        }
    }

    /**
     * A body of the wrong shape: the request as a whole is refused whatever the parameter, so a parameter that is
     * legitimately free text (an idempotency key) cannot turn the case into a request that stores something, not
     * even the per-row report of an import.
     */
    private Optional<Map.Entry<String, byte[]>> bodyForParameterCase() {
        Optional<String> type = operation.jsonContentType();
        if (type.isEmpty()) {
            return operation.bodies().keySet().stream().findFirst()
                    .map(t -> new SimpleEntry<>(t, new byte[0]));
        }
        String shape = typeOf(operation.bodies().get(type.get()));
        String body = shape.equals("array") ? "{}" : shape.equals("object") ? "[]" : "{}";
        return Optional.of(new SimpleEntry<>(type.get(), body.getBytes(StandardCharsets.UTF_8)));
    }

    /** Values a parameter of this schema must refuse. */
    private static List<String> wrongValues(JsonNode schema) {
        List<String> values = new ArrayList<>();
        String type = schema.path("type").asText("string");
        String format = schema.path("format").asText("");
        switch (type) {
            case "integer", "number" -> {
                values.addAll(List.of("abc", "1.5", "99999999999999999999", "1e999"));
                if (schema.has("minimum")) {
                    values.add(schema.get("minimum").decimalValue().subtract(BigDecimal.ONE).toPlainString());
                }
                if (schema.has("maximum")) {
                    values.add(schema.get("maximum").decimalValue().add(BigDecimal.ONE).toPlainString());
                }
            }
            case "boolean" -> values.addAll(List.of("maybe", "2"));
            case "array" -> values.addAll(wrongValues(schema.path("items")));
            default -> {
                if (schema.has("enum")) {
                    values.add("NOT_A_CHOICE");
                }
                if (format.equals("uuid")) {
                    values.addAll(List.of("not-a-uuid", "00000000-0000-0000-0000-00000000000g"));
                } else if (format.startsWith("date")) {
                    values.addAll(List.of("2024-02-30", "yesterday"));
                }
            }
        }
        return values;
    }

    // ---------------------------------------------------------------- bodies

    private void jsonBodyCases(String type, JsonNode schema, List<Case> cases) {
        String[] malformed = {"{\"a\":", "[1, 2", "not json", "{'single': 'quotes'}", "{\"a\": 1}}",
            "{\"a\": NaN}"};
        for (String text : malformed) {
            cases.add(body("malformed JSON " + describe(text), type, text.getBytes(StandardCharsets.UTF_8)));
        }
        cases.add(body("JSON nested 100,000 deep", type,
                ("[".repeat(100_000) + "]".repeat(100_000)).getBytes(StandardCharsets.UTF_8)));
        cases.add(body("invalid UTF-8 in a string", type, new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3,
            (byte) 0x28, (byte) 0xFF, '"', '}'}));
        if (operation.bodyRequired()) {
            cases.add(body("empty body", type, new byte[0]));
            cases.add(body("JSON null", type, "null".getBytes(StandardCharsets.UTF_8)));
        }
        String shape = schema.path("type").asText("object");
        List<String> wrongShapes = shape.equals("array") ? List.of("{}", "42")
                : shape.equals("object") ? List.of("[]", "\"text\"") : List.of("[]", "{}");
        for (String text : wrongShapes) {
            cases.add(body("a JSON " + text + " instead of " + shape, type, text.getBytes(StandardCharsets.UTF_8)));
        }
        JsonNode base = good.bodies().get(type);
        byte[] goodBytes = base == null ? "{}".getBytes(StandardCharsets.UTF_8) : bytes(base);
        cases.add(new Case("the body as text/plain", good.path(), List.of(), Map.of(), "text/plain", goodBytes,
                Expect.REFUSED, 415));
        cases.add(oversized(type));
        if (base == null) {
            return;
        }
        List<FieldCase> fieldCases = new ArrayList<>();
        walk(schema, base, new At(List.of()), true, fieldCases);
        for (FieldCase fieldCase : fieldCases) {
            List<Change> changes = new ArrayList<>(fieldCase.changes());
            if (fieldCase.needsCompanion()) {
                At target = fieldCase.changes().get(0).at();
                Optional<Change> companion = companion(fieldCases, target);
                changes.add(companion.orElse(unknownField(new At(List.of()), "unexpected")));
            }
            cases.add(body(fieldCase.label(), type, bytes(apply(base, changes))));
        }
    }

    private void rawBodyCases(String type, List<Case> cases) {
        List<String> texts = new ArrayList<>(HOSTILE);
        CONTROL.stream().filter(c -> !c.equals(LONE_SURROGATE)).forEach(texts::add);
        texts.add("x".repeat(VERY_LONG));
        texts.add("");
        for (String text : texts) {
            cases.add(body(type + " body " + describe(text), type, text.getBytes(StandardCharsets.UTF_8)));
        }
        cases.add(body(type + " body with invalid UTF-8", type, new byte[] {'a', ',', (byte) 0xC3, (byte) 0x28, '\n'}));
        cases.add(oversized(type));
        String goodText = good.texts().get(type);
        if (goodText != null) {
            // the good body with control characters at the end of its last line (e.g. in a CSV row's last cell)
            String trimmed = goodText.stripTrailing();
            String ending = goodText.substring(trimmed.length());
            for (String control : CONTROL) {
                if (!control.equals(LONE_SURROGATE)) {
                    cases.add(body("good " + type + " body ending in " + describe(control), type,
                            (trimmed + control + ending).getBytes(StandardCharsets.UTF_8)));
                }
            }
        }
    }

    private Case body(String label, String type, byte[] bytes) {
        return new Case(label, good.path(), List.of(), Map.of(), type, bytes, Expect.REFUSED, 0);
    }

    /** A declared length over the service's limit: refused with 413 before the body is read. */
    private Case oversized(String type) {
        return new Case("a body of " + (maxBodyBytes + 1) + " bytes (over the limit)", good.path(), List.of(),
                Map.of(), type, null, Expect.REFUSED, 413);
    }

    public long oversizedLength() {
        return maxBodyBytes + 1;
    }

    // ---------------------------------------------------------------- schema walk

    /**
     * Field cases for the value at {@code at}. {@code present} is the good value there (null when the good body
     * leaves it out); only present values are broken, so every case differs from a good body in one place.
     */
    private void walk(JsonNode schema, JsonNode present, At at, boolean hostile, List<FieldCase> out) {
        String type = typeOf(schema);
        if (type.equals("object") && present != null && present.isObject()) {
            JsonNode properties = schema.path("properties");
            Set<String> required = new java.util.HashSet<>();
            schema.path("required").forEach(name -> required.add(name.asText()));
            for (Iterator<Map.Entry<String, JsonNode>> it = properties.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> property = it.next();
                At field = at.then(property.getKey());
                JsonNode value = present.get(property.getKey());
                if (required.contains(property.getKey())) {
                    out.add(new FieldCase(field + " missing", List.of(new Change(field, null, Kind.REQUIRED)), false));
                    out.add(new FieldCase(field + " null", List.of(new Change(field, NODES.nullNode(), Kind.REQUIRED)),
                            false));
                }
                if (value != null && !value.isNull()) {
                    walk(property.getValue(), value, field, hostile, out);
                }
            }
            JsonNode additional = schema.path("additionalProperties");
            if (additional.isObject()) {
                mapCases(additional, present, at, hostile, out);
            } else if (properties.size() > 0) {
                out.add(new FieldCase("unknown field at " + at, List.of(unknownField(at, "unexpected")), false));
                if (hostile) {
                    for (String name : List.of("<script>alert(1)</script>'; DROP TABLE x; --", "\u0000")) {
                        out.add(new FieldCase("unknown field " + describe(name) + " at " + at,
                                List.of(unknownField(at, name)), false));
                    }
                }
            }
            wrongTypes(at, type, out);
            return;
        }
        if (type.equals("array") && present != null && present.isArray()) {
            if (schema.has("maxItems") && present.size() > 0) {
                ArrayNode many = NODES.arrayNode();
                for (int i = 0; i <= schema.get("maxItems").asInt(); i++) {
                    many.add(present.get(i % present.size()).deepCopy());
                }
                out.add(new FieldCase(at + " with " + many.size() + " items (max " + schema.get("maxItems") + ")",
                        List.of(new Change(at, many, Kind.ITEMS)), false));
            }
            if (schema.path("minItems").asInt(0) > 0) {
                out.add(new FieldCase(at + " empty (min " + schema.get("minItems") + " items)",
                        List.of(new Change(at, NODES.arrayNode(), Kind.ITEMS)), false));
            }
            if (present.size() > 0) {
                walk(schema.path("items"), present.get(0), at.then(0), hostile, out);
                out.add(new FieldCase(at + " item null", List.of(new Change(at.then(0), NODES.nullNode(), Kind.TYPE)),
                        false));
            }
            wrongTypes(at, type, out);
            return;
        }
        if (present == null) {
            return;
        }
        wrongTypes(at, type, out);
        switch (type) {
            case "integer", "number" -> numberCases(schema, at, type, out);
            case "string" -> stringCases(schema, at, hostile, out);
            default -> {
            }
        }
    }

    private void mapCases(JsonNode valueSchema, JsonNode present, At at, boolean hostile, List<FieldCase> out) {
        Iterator<Map.Entry<String, JsonNode>> entries = present.fields();
        JsonNode sample = entries.hasNext() ? entries.next().getValue() : example(valueSchema);
        if (hostile) {
            for (String key : concat(HOSTILE, CONTROL)) {
                out.add(new FieldCase(at + " key " + describe(key),
                        List.of(new Change(at.then(key), sample.deepCopy(), Kind.HOSTILE)), false));
            }
        }
        String key = "no-such-key";
        wrongTypes(at.then(key), typeOf(valueSchema), out);
    }

    private void numberCases(JsonNode schema, At at, String type, List<FieldCase> out) {
        if (schema.has("minimum")) {
            BigDecimal below = schema.get("minimum").decimalValue().subtract(BigDecimal.ONE);
            out.add(new FieldCase(at + " = " + below + " (minimum " + schema.get("minimum") + ")",
                    List.of(new Change(at, NODES.numberNode(below), Kind.RANGE)), false));
        }
        if (schema.has("maximum")) {
            BigDecimal above = schema.get("maximum").decimalValue().add(BigDecimal.ONE);
            out.add(new FieldCase(at + " = " + above + " (maximum " + schema.get("maximum") + ")",
                    List.of(new Change(at, NODES.numberNode(above), Kind.RANGE)), false));
        }
        List<JsonNode> extremes = new ArrayList<>(List.of(
                NODES.numberNode(new BigInteger("-9223372036854775809")),
                NODES.numberNode(new BigDecimal("1e400"))));
        if (type.equals("integer")) {
            extremes.add(NODES.numberNode(new BigDecimal("2.5")));
        }
        for (JsonNode extreme : extremes) {
            out.add(new FieldCase(at + " = " + extreme, List.of(new Change(at, extreme, Kind.RANGE)), false));
        }
    }

    private void stringCases(JsonNode schema, At at, boolean hostile, List<FieldCase> out) {
        boolean constrained = schema.has("enum") || schema.has("format")
                || (schema.has("pattern") && !schema.get("pattern").asText().equals("\\S"));
        if (schema.has("maxLength")) {
            int max = schema.get("maxLength").asInt();
            out.add(new FieldCase(at + " of " + (max + 1) + " characters (max " + max + ")",
                    List.of(new Change(at, NODES.textNode("x".repeat(max + 1)), Kind.LENGTH)), false));
        }
        if (schema.path("pattern").asText().equals("\\S") || schema.has("minLength")) {
            out.add(new FieldCase(at + " blank", List.of(new Change(at, NODES.textNode("   "), Kind.LENGTH)), false));
        }
        if (schema.has("enum")) {
            out.add(new FieldCase(at + " = NOT_A_CHOICE (not in the enumeration)",
                    List.of(new Change(at, NODES.textNode("NOT_A_CHOICE"), Kind.CHOICE)), false));
        }
        String format = schema.path("format").asText("");
        List<String> wrongFormat = switch (format) {
            case "uuid" -> List.of("not-a-uuid");
            case "date" -> List.of("2024-02-30", "tomorrow");
            case "date-time" -> List.of("2024-13-01T25:00:00Z", "yesterday");
            case "email" -> List.of("not an address");
            default -> List.of();
        };
        for (String value : wrongFormat) {
            out.add(new FieldCase(at + " = " + describe(value) + " (format " + format + ")",
                    List.of(new Change(at, NODES.textNode(value), Kind.FORMAT)), false));
        }
        if (!hostile) {
            return;
        }
        for (String text : CONTROL) {
            out.add(new FieldCase(at + " = " + describe(text), List.of(new Change(at, NODES.textNode(text),
                    Kind.HOSTILE)), false));
        }
        for (String text : HOSTILE) {
            out.add(new FieldCase(at + " = " + describe(text) + (constrained ? "" : " (with another violation)"),
                    List.of(new Change(at, NODES.textNode(text), Kind.HOSTILE)), !constrained));
        }
        if (!schema.has("maxLength")) {
            // no documented limit: a string longer than any column must still be refused
            out.add(new FieldCase(at + " of " + VERY_LONG + " characters (no maxLength documented)",
                    List.of(new Change(at, NODES.textNode("x".repeat(VERY_LONG)), Kind.LENGTH)), false));
        }
    }

    private static void wrongTypes(At at, String type, List<FieldCase> out) {
        if (at.steps().isEmpty()) {
            return; // the body's own shape has its cases
        }
        List<JsonNode> wrong = switch (type) {
            case "string" -> List.of(NODES.numberNode(12345), NODES.booleanNode(true), NODES.objectNode());
            case "integer" -> List.of(NODES.textNode("12"), NODES.booleanNode(true), NODES.arrayNode().add(1));
            case "number" -> List.of(NODES.textNode("1.5"), NODES.booleanNode(false));
            case "boolean" -> List.of(NODES.textNode("true"), NODES.numberNode(1));
            case "array" -> List.of(NODES.textNode("text"), NODES.objectNode());
            case "object" -> List.of(NODES.textNode("text"), NODES.arrayNode());
            default -> List.of();
        };
        for (JsonNode value : wrong) {
            out.add(new FieldCase(at + " = " + value + " (not " + type + ")", List.of(new Change(at, value,
                    Kind.TYPE)), false));
        }
    }

    /** The first violation elsewhere in the body, by {@link Kind} order, that makes a request with it invalid. */
    private static Optional<Change> companion(List<FieldCase> cases, At target) {
        Change best = null;
        for (FieldCase candidate : cases) {
            if (candidate.changes().size() != 1 || candidate.needsCompanion()) {
                continue;
            }
            Change change = candidate.changes().get(0);
            if (change.kind() == Kind.HOSTILE || change.at().overlaps(target)
                    || (change.kind() == Kind.LENGTH && change.value() != null && change.value().asText().isBlank())) {
                continue;
            }
            if (best == null || change.kind().ordinal() < best.kind().ordinal()) {
                best = change;
            }
        }
        return Optional.ofNullable(best);
    }

    private static Change unknownField(At object, String name) {
        return new Change(object.then(name), NODES.numberNode(1), Kind.UNKNOWN);
    }

    static JsonNode apply(JsonNode base, List<Change> changes) {
        JsonNode copy = base.deepCopy();
        for (Change change : changes) {
            List<Object> steps = change.at().steps();
            if (steps.isEmpty()) {
                copy = change.value() == null ? NODES.objectNode() : change.value().deepCopy();
                continue;
            }
            JsonNode parent = copy;
            for (Object step : steps.subList(0, steps.size() - 1)) {
                parent = step instanceof Integer index ? parent.get(index) : parent.get((String) step);
            }
            Object last = steps.get(steps.size() - 1);
            if (parent instanceof ObjectNode object) {
                if (change.value() == null) {
                    object.remove((String) last);
                } else {
                    object.set((String) last, change.value().deepCopy());
                }
            } else if (parent instanceof ArrayNode array && last instanceof Integer index) {
                if (change.value() == null) {
                    array.remove(index);
                } else {
                    array.set(index, change.value().deepCopy());
                }
            }
        }
        return copy;
    }

    static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsString(body).replace(LONE_SURROGATE, LONE_SURROGATE_JSON)
                    .getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String typeOf(JsonNode schema) {
        if (schema.has("type")) {
            return schema.get("type").asText();
        }
        if (schema.has("properties") || schema.has("additionalProperties")) {
            return "object";
        }
        if (schema.has("items")) {
            return "array";
        }
        return schema.has("enum") || schema.has("format") ? "string" : "any";
    }

    /** A value a schema accepts, from its examples, enumeration or type: for good bodies nobody wrote by hand. */
    public static JsonNode example(JsonNode schema) {
        if (schema.has("examples") && schema.get("examples").isArray() && !schema.get("examples").isEmpty()) {
            return schema.get("examples").get(0).deepCopy();
        }
        if (schema.has("example")) {
            return schema.get("example").deepCopy();
        }
        if (schema.has("enum") && !schema.get("enum").isEmpty()) {
            return schema.get("enum").get(0).deepCopy();
        }
        if (schema.has("default")) {
            return schema.get("default").deepCopy();
        }
        switch (typeOf(schema)) {
            case "object" -> {
                ObjectNode object = NODES.objectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> property = it.next();
                    object.set(property.getKey(), example(property.getValue()));
                }
                return object;
            }
            case "array" -> {
                return NODES.arrayNode().add(example(schema.path("items")));
            }
            case "integer", "number" -> {
                return NODES.numberNode(schema.has("minimum") ? schema.get("minimum").asInt() : 1);
            }
            case "boolean" -> {
                return NODES.booleanNode(false);
            }
            default -> {
                return switch (schema.path("format").asText("")) {
                    case "uuid" -> NODES.textNode("00000000-0000-4000-8000-000000000001");
                    case "date" -> NODES.textNode("2030-01-01");
                    case "date-time" -> NODES.textNode("2030-01-01T00:00:00Z");
                    default -> NODES.textNode("text");
                };
            }
        }
    }

    static String describe(String value) {
        StringBuilder out = new StringBuilder("\"");
        String shown = value.replace(LONE_SURROGATE, "\\ud800");
        for (int i = 0; i < Math.min(shown.length(), 40); i++) {
            char c = shown.charAt(i);
            out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.append(shown.length() > 40 ? "…\" (" + shown.length() + " chars)" : "\"").toString();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
