package dev.sparks.common.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.testing.OpenApiContract;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The event catalogue, deploy/asyncapi/sparks.yaml: a valid AsyncAPI 3.0 document (checked against the official
 * AsyncAPI JSON Schema, vendored beside it from the {@code @asyncapi/specs} package), complete (every topic of
 * topics.conf, every event type of the shared records, a producer for every event), and every $ref resolves.
 */
class AsyncApiDocumentTest {

    private static final Path ROOT = OpenApiContract.repositoryRoot();
    private static final Path DIR = ROOT.resolve("deploy/asyncapi");
    private static final JsonNode DOC = OpenApiContract.read(DIR.resolve("sparks.yaml"));

    @Test
    void isAValidAsyncApi3Document() throws IOException {
        assertThat(asyncApiSchema().validate(DOC)).as("sparks.yaml against the AsyncAPI 3.0.0 schema").isEmpty();
        assertThat(DOC.path("asyncapi").asText()).isEqualTo("3.0.0");
    }

    @Test
    void theValidationRefusesAnInvalidDocument() throws IOException {
        com.fasterxml.jackson.databind.node.ObjectNode broken = DOC.deepCopy();
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("operations")
                .path("assessmentSendsAssessmentCompleted")).put("action", "publish");
        ((com.fasterxml.jackson.databind.node.ObjectNode) broken.path("channels").path("mentors"))
                .put("topic", "sparks.mentors");
        Set<ValidationMessage> violations = asyncApiSchema().validate(broken);
        assertThat(violations.toString()).contains("action").contains("topic");
    }

    private static JsonSchema asyncApiSchema() throws IOException {
        try (var schema = Files.newInputStream(DIR.resolve("asyncapi-3.0.0.schema.json"))) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(schema);
        }
    }

    @Test
    void listsEveryTopicOfTheLocalPlatform() throws IOException {
        Set<String> topics;
        try (Stream<String> lines = Files.lines(ROOT.resolve("deploy/local/topics.conf"))) {
            topics = lines.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                    .map(l -> l.split("\\s+")[0]).filter(t -> !t.startsWith("sparks.test."))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
        Set<String> addresses = new TreeSet<>();
        DOC.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsAll(topics);
        assertThat(channelOf("sparks.mentors").path("bindings").path("kafka").path("topicConfiguration")
                .path("cleanup.policy").toString()).contains("compact");
    }

    @Test
    void describesEveryEventTypeWithItsSchemaKeyHeadersAndProducer() throws Exception {
        Set<String> types = eventTypes();
        assertThat(types).contains(AssessmentCompletedV1.TYPE).hasSizeGreaterThanOrEqualTo(7);
        Map<String, JsonNode> messages = new java.util.HashMap<>();
        DOC.path("components").path("messages").fields().forEachRemaining(m -> messages.put(m.getValue()
                .path("name").asText(), m.getValue()));
        for (String type : types) {
            JsonNode message = messages.get(type);
            assertThat(message).as("AsyncAPI message named " + type).isNotNull();
            assertThat(message.path("payload").path("$ref").asText())
                    .as(type + " payload").endsWith("schemas/" + type + ".schema.json");
            assertThat(message.path("bindings").path("kafka").path("key").isObject()).as(type + " key").isTrue();
            assertThat(message.path("headers").toString()).contains("CloudEventHeaders").contains(type);
            assertThat(message.path("x-producer").asText()).as(type + " producer").endsWith("-service");
            String id = DOC.path("components").path("messages").properties().stream()
                    .filter(e -> e.getValue() == message).map(Map.Entry::getKey).findFirst().orElseThrow();
            List<String> senders = new ArrayList<>();
            DOC.path("operations").forEach(op -> {
                if (op.path("action").asText().equals("send")
                        && op.path("messages").toString().contains("/messages/" + id + "\"")) {
                    senders.add(op.path("x-service").asText());
                }
            });
            assertThat(senders).as("operations sending " + type).containsExactly(message.path("x-producer").asText());
        }
        assertThat(DOC.path("components").path("schemas").path("CloudEventHeaders").path("required").toString())
                .contains("ce_specversion", "ce_id", "ce_type", "ce_source", "ce_subject", "ce_time", "content-type");
    }

    @Test
    void everyReferenceResolves() throws IOException {
        List<String> broken = new ArrayList<>();
        checkRefs(DOC, DOC, DIR, broken, new HashSet<>());
        assertThat(broken).isEmpty();
    }

    private static void checkRefs(JsonNode node, JsonNode document, Path base, List<String> broken, Set<Path> seen)
            throws IOException {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String target = ref.asText();
                int hash = target.indexOf('#');
                String file = hash < 0 ? target : target.substring(0, hash);
                String pointer = hash < 0 ? "" : target.substring(hash + 1);
                JsonNode in = document;
                if (!file.isEmpty()) {
                    Path path = base.resolve(file).normalize();
                    if (!Files.exists(path)) {
                        broken.add(target + " (no file " + path + ")");
                        return;
                    }
                    in = new ObjectMapper().readTree(path.toFile());
                    if (seen.add(path)) {
                        checkRefs(in, in, path.getParent(), broken, seen);
                    }
                }
                if (!pointer.isEmpty() && in.at(pointer).isMissingNode()) {
                    broken.add(target + " (nothing at " + pointer + ")");
                }
            }
            for (JsonNode child : node) {
                checkRefs(child, document, base, broken, seen);
            }
        } else if (node.isArray()) {
            for (JsonNode child : node) {
                checkRefs(child, document, base, broken, seen);
            }
        }
    }

    private static JsonNode channelOf(String address) {
        for (JsonNode channel : DOC.path("channels")) {
            if (channel.path("address").asText().equals(address)) {
                return channel;
            }
        }
        throw new AssertionError("no channel " + address);
    }

    /** The TYPE constant of every event record in dev.sparks.common.events. */
    static Set<String> eventTypes() throws IOException, URISyntaxException, ReflectiveOperationException {
        Path classes = Path.of(AssessmentCompletedV1.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                .resolve("dev/sparks/common/events");
        Set<String> types = new TreeSet<>();
        try (Stream<Path> files = Files.list(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = file.getFileName().toString().replace(".class", "");
                Class<?> type = Class.forName("dev.sparks.common.events." + name);
                if (!type.isRecord()) {
                    continue;
                }
                for (Field field : type.getDeclaredFields()) {
                    if (field.getName().equals("TYPE") && Modifier.isStatic(field.getModifiers())
                            && field.getType() == String.class) {
                        types.add((String) field.get(null));
                    }
                }
            }
        }
        return types;
    }
}
