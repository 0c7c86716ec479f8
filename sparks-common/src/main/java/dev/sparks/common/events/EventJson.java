package dev.sparks.common.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/**
 * JSON for event payloads. Unlike request bodies, events tolerate unknown fields, so a producer can add a field
 * without breaking consumers; a breaking change is a new event type ({@code .v2}).
 */
@ApplicationScoped
public class EventJson {

    private final ObjectMapper mapper;

    public EventJson(ObjectMapper base) {
        this.mapper = base.copy()
                .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
                .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false);
    }

    public String write(Object payload) throws JsonProcessingException {
        return mapper.writeValueAsString(payload);
    }

    public <T> T read(byte[] payload, Class<T> type) throws IOException {
        return mapper.readValue(payload, type);
    }

    public ObjectMapper mapper() {
        return mapper;
    }
}
