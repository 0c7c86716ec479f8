package dev.sparks.common.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * The event contract: each event type's JSON Schema ({@code schemas/<type>.schema.json} in sparks-common, the one
 * source the AsyncAPI document refers to). Producers' tests check what they really emitted against it.
 */
public final class EventSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, JsonSchema> SCHEMAS = new ConcurrentHashMap<>();

    private EventSchemas() {
    }

    /** The schema of an event type, e.g. {@code match.proposed.v1}, with format assertions (uuid, date-time) on. */
    public static JsonSchema of(String type) {
        return SCHEMAS.computeIfAbsent(type, t -> {
            try (InputStream file = EventSchemas.class.getResourceAsStream("/schemas/" + t + ".schema.json")) {
                if (file == null) {
                    throw new AssertionError("No JSON Schema for event type " + t + " (schemas/" + t + ".schema.json)");
                }
                return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                        .getSchema(file, SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** What is wrong with a payload for its type; empty when it is valid. */
    public static Set<String> violations(String type, byte[] payload) {
        try {
            JsonNode node = JSON.readTree(payload);
            return of(type).validate(node).stream().map(ValidationMessage::toString).collect(Collectors.toSet());
        } catch (IOException e) {
            return Set.of("not JSON: " + e.getMessage());
        }
    }

    /** Fails unless the payload is valid JSON that its type's schema accepts. */
    public static void assertValid(String type, byte[] payload) {
        Set<String> violations = violations(type, payload);
        if (!violations.isEmpty()) {
            throw new AssertionError("The " + type + " payload breaks its JSON Schema: " + violations + "\n"
                    + new String(payload, StandardCharsets.UTF_8));
        }
    }

    /** Fails unless the record carries its type in ce_type and its payload matches that type's schema. */
    public static void assertValid(ConsumerRecord<String, byte[]> record) {
        String type = TopicProbe.header(record, "ce_type");
        if (type == null) {
            throw new AssertionError("No ce_type header on " + record.topic() + " offset " + record.offset());
        }
        assertValid(type, record.value());
    }
}
