package dev.sparks.common.inbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** The committed-offset lag against the real broker, and which channels it measures. */
class ConsumerMetricsTest {

    static final String TOPIC = "sparks.test.outbox";
    static final String BOOTSTRAP = System.getenv().getOrDefault("SPARKS_KAFKA_BOOTSTRAP", "127.0.0.1:9092");

    @Test
    void measuresEveryKafkaChannelWithItsGroupFallingBackToTheApplicationName() {
        SmallRyeConfig config = config(Map.of(
                "quarkus.application.name", "some-service",
                "mp.messaging.incoming.orders.connector", "smallrye-kafka",
                "mp.messaging.incoming.orders.topic", "sparks.orders",
                "mp.messaging.incoming.orders.group.id", "orders-group",
                "mp.messaging.incoming.mentors.connector", "smallrye-kafka",
                "mp.messaging.incoming.paused.connector", "smallrye-kafka",
                "mp.messaging.incoming.paused.enabled", "false",
                "mp.messaging.incoming.memory.connector", "smallrye-in-memory"));

        assertThat(ConsumerMetrics.subscriptions(config)).containsExactlyInAnyOrder(
                new ConsumerMetrics.Subscription("orders-group", "sparks.orders"),
                new ConsumerMetrics.Subscription("some-service", "mentors"));
    }

    @Test
    void lagIsWhatTheGroupHasNotCommittedAndZeroDeadLettersExistFromTheStart() throws Exception {
        String group = "sparks-lag-test-" + UUID.randomUUID();
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        ConsumerMetrics metrics = new ConsumerMetrics(Map.of("bootstrap.servers", BOOTSTRAP), config(Map.of(
                "quarkus.application.name", "lag-test",
                "mp.messaging.incoming.test.connector", "smallrye-kafka",
                "mp.messaging.incoming.test.topic", TOPIC,
                "mp.messaging.incoming.test.group.id", group)), registry);
        try {
            assertThat(registry.get("sparks.events.dead.lettered").tag("topic", TOPIC).counter().count()).isZero();

            commitEndOffsets(group);
            metrics.measureLag();
            assertThat(lag(registry, group)).isZero();

            send(3);
            metrics.measureLag();
            assertThat(lag(registry, group)).isEqualTo(3);

            commitEndOffsets(group);
            metrics.measureLag();
            assertThat(lag(registry, group)).isZero();
        } finally {
            metrics.stop(null);
        }
    }

    private static double lag(SimpleMeterRegistry registry, String group) {
        return registry.get("sparks.consumer.lag").tag("group", group).tag("topic", TOPIC).gauge().value();
    }

    /** What a consumer that applied everything would have committed. */
    private static void commitEndOffsets(String group) {
        Properties settings = new Properties();
        settings.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP);
        settings.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        settings.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(TOPIC, info.partition())).toList();
            Map<TopicPartition, OffsetAndMetadata> ends = consumer.endOffsets(partitions).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, end -> new OffsetAndMetadata(end.getValue())));
            consumer.commitSync(ends);
        }
    }

    private static void send(int count) throws Exception {
        Map<String, Object> settings = new HashMap<>();
        settings.put("bootstrap.servers", BOOTSTRAP);
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(settings, new StringSerializer(),
                new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                producer.send(new ProducerRecord<>(TOPIC, "lag-" + i, new byte[0])).get();
            }
        }
    }

    private static SmallRyeConfig config(Map<String, String> values) {
        return new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(values, "test", 100)).build();
    }
}
