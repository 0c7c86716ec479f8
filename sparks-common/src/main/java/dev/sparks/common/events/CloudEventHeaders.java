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
    /**
     * CloudEvents distributed-tracing extension: the trace context where the event was written (the producing
     * service's span). The W3C {@link #TRACE_PARENT} header beside it names the relay's publish span, the hop that
     * consumers continue.
     */
    public static final String CE_TRACE_PARENT = "ce_traceparent";
    /** W3C Trace Context, as HTTP carries it: the consumer's span is a child of this. */
    public static final String TRACE_PARENT = "traceparent";

    /** Added when an event is dead-lettered: where it came from and why it could not be handled. */
    public static final String DLQ_TOPIC = "dlq_original_topic";
    public static final String DLQ_PARTITION = "dlq_original_partition";
    public static final String DLQ_OFFSET = "dlq_original_offset";
    public static final String DLQ_REASON = "dlq_reason";

    private CloudEventHeaders() {
    }
}
