package dev.sparks.common.testing;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads what really reached a topic of the real broker: opened at the current end (or the beginning), without a
 * consumer group, so it never disturbs the services' own consumers.
 */
public final class TopicProbe implements AutoCloseable {

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private TopicProbe(String topic, boolean fromBeginning) {
        this(List.of(topic), fromBeginning);
    }

    private TopicProbe(List<String> topics, boolean fromBeginning) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                System.getenv().getOrDefault("SPARKS_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        settings.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(settings, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            List<TopicPartition> ofTopic = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .collect(Collectors.toList());
            if (ofTopic.isEmpty()) {
                consumer.close();
                throw new IllegalStateException("Topic " + topic + " does not exist (deploy/local/infra-up creates it)");
            }
            partitions.addAll(ofTopic);
        }
        consumer.assign(partitions);
        if (fromBeginning) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position);
    }

    /** Sees only what arrives from now on. */
    public static TopicProbe fromNow(String topic) {
        return new TopicProbe(topic, false);
    }

    /** Sees only what arrives on any of the topics from now on. */
    public static TopicProbe fromNow(List<String> topics) {
        return new TopicProbe(topics, false);
    }

    /** Sees everything the topic still holds. */
    public static TopicProbe fromBeginning(String topic) {
        return new TopicProbe(topic, true);
    }

    /** Waits until at least {@code count} matching records arrived (or the timeout passed) and returns all matching. */
    public List<ConsumerRecord<String, byte[]>> await(Predicate<ConsumerRecord<String, byte[]>> filter, int count,
            Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (matching(filter).size() < count && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return matching(filter);
    }

    /** Reads for the whole period and returns all matching records: for asserting that nothing more arrives. */
    public List<ConsumerRecord<String, byte[]>> drain(Predicate<ConsumerRecord<String, byte[]>> filter,
            Duration period) {
        long deadline = System.nanoTime() + period.toNanos();
        while (System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        }
        return matching(filter);
    }

    /**
     * Reads up to the end the topics have now and returns what arrived since the previous call (or the start): no
     * waiting on a clock, so "nothing arrived" is exact for everything written before this call.
     */
    public List<ConsumerRecord<String, byte[]>> upToNow() {
        Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment(), Duration.ofSeconds(10));
        List<ConsumerRecord<String, byte[]>> arrived = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (ends.entrySet().stream().anyMatch(end -> consumer.position(end.getKey()) < end.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read up to the end offsets " + ends);
            }
            consumer.poll(Duration.ofMillis(100)).forEach(arrived::add);
        }
        seen.addAll(arrived);
        return arrived;
    }

    private List<ConsumerRecord<String, byte[]>> matching(Predicate<ConsumerRecord<String, byte[]>> filter) {
        return seen.stream().filter(filter).collect(Collectors.toList());
    }

    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String value(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? null : new String(record.value(), StandardCharsets.UTF_8);
    }

    public static Predicate<ConsumerRecord<String, byte[]>> ofType(String type) {
        return record -> type.equals(header(record, "ce_type"));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
