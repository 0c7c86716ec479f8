package dev.sparks.common.inbox;

import dev.sparks.common.events.CloudEventHeaders;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;

/** The CloudEvents attributes of a received record, with its raw data. */
public record IncomingEvent(UUID id, String type, String source, String subject, Instant time, String key,
        byte[] data) {

    /**
     * @throws IllegalArgumentException when the record is not a CloudEvent this platform can read
     */
    public static IncomingEvent of(ConsumerRecord<String, byte[]> record) {
        String id = header(record, CloudEventHeaders.ID);
        String type = header(record, CloudEventHeaders.TYPE);
        if (id == null || type == null) {
            throw new IllegalArgumentException("record has no ce_id or ce_type header");
        }
        String time = header(record, CloudEventHeaders.TIME);
        return new IncomingEvent(UUID.fromString(id), type, header(record, CloudEventHeaders.SOURCE),
                header(record, CloudEventHeaders.SUBJECT), time == null ? null : Instant.parse(time), record.key(),
                record.value());
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
