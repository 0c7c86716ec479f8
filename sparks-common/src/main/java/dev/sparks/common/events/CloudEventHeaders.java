package dev.sparks.common.events;

/** CloudEvents 1.0 attributes in Kafka binary mode: one header each, the payload is the data. */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String SUBJECT = "ce_subject";
    public static final String TIME = "ce_time";
    public static final String CONTENT_TYPE = "content-type";

    /** Added when an event is dead-lettered: where it came from and why it could not be handled. */
    public static final String DLQ_TOPIC = "dlq_original_topic";
    public static final String DLQ_PARTITION = "dlq_original_partition";
    public static final String DLQ_OFFSET = "dlq_original_offset";
    public static final String DLQ_REASON = "dlq_reason";

    private CloudEventHeaders() {
    }
}
