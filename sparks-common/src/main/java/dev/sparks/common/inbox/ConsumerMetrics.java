package dev.sparks.common.inbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

/**
 * The consumer side's metrics that the Kafka client cannot give: the lag of each consumer group from its
 * <em>committed</em> offsets, and a zero dead-letter count per consumed topic from the start.
 *
 * <p>The client's own {@code records-lag} is measured on fetches, so it goes blank exactly when a consumer is stuck
 * (its partitions paused behind a handler that keeps failing). Committed offsets against the partitions' end show
 * what is still to be applied, whatever the consumer is doing, and are what an alert needs. The dead-letter counters
 * exist at zero before the first dead letter, so an alert on their increase sees that first one too.
 */
@Startup // so the gauges and counters exist before the first scrape
@ApplicationScoped
public class ConsumerMetrics {

    private static final Logger LOG = Logger.getLogger(ConsumerMetrics.class);
    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    /** One consumer group reading one topic. */
    record Subscription(String group, String topic) {
    }

    private final Map<String, Object> kafkaConfig;
    private final Map<Subscription, AtomicLong> lag = new LinkedHashMap<>();
    private volatile Admin admin;

    public ConsumerMetrics(@Identifier("default-kafka-broker") Map<String, Object> kafkaConfig, Config config,
            MeterRegistry registry) {
        this.kafkaConfig = kafkaConfig;
        for (Subscription subscription : subscriptions(config)) {
            AtomicLong value = new AtomicLong();
            lag.put(subscription, value);
            Gauge.builder("sparks.consumer.lag", value, AtomicLong::get)
                    .description("Events on the topic that the consumer group has not committed yet")
                    .tag("group", subscription.group()).tag("topic", subscription.topic())
                    .register(registry);
            registry.counter("sparks.events.dead.lettered", "topic", subscription.topic());
        }
    }

    /** The Kafka channels this service consumes, from its configuration. */
    static List<Subscription> subscriptions(Config config) {
        String application = config.getOptionalValue("quarkus.application.name", String.class).orElse("sparks");
        Optional<String> connectorGroup = config.getOptionalValue("mp.messaging.connector.smallrye-kafka.group.id",
                String.class);
        List<Subscription> subscriptions = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>();
        config.getPropertyNames().forEach(names::add);
        for (String name : names) {
            Matcher channel = CHANNEL.matcher(name);
            if (!channel.matches() || !"smallrye-kafka".equals(config.getOptionalValue(name, String.class)
                    .orElse(null))) {
                continue;
            }
            String prefix = "mp.messaging.incoming." + channel.group(1) + ".";
            if (!config.getOptionalValue(prefix + "enabled", Boolean.class).orElse(true)) {
                continue;
            }
            String topic = config.getOptionalValue(prefix + "topic", String.class).orElse(channel.group(1));
            String group = config.getOptionalValue(prefix + "group.id", String.class)
                    .or(() -> connectorGroup).orElse(application);
            Subscription subscription = new Subscription(group, topic);
            if (!subscriptions.contains(subscription)) {
                subscriptions.add(subscription);
            }
        }
        return subscriptions;
    }

    @Scheduled(identity = "consumer-lag", every = "${sparks.events.consumer.lag-interval:15s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void measure() {
        if (lag.isEmpty()) {
            return;
        }
        try {
            measureLag();
        } catch (Exception e) {
            LOG.debugf("Consumer lag not measured: %s", e.toString());
        }
    }

    /** Reads the committed offsets of each group and the end of each partition, and sets the gauges. */
    public void measureLag() throws Exception {
        Admin client = admin();
        List<String> topics = lag.keySet().stream().map(Subscription::topic).distinct().toList();
        Map<String, TopicDescription> described = client.describeTopics(topics).allTopicNames()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
        described.values().forEach(topic -> topic.partitions().forEach(partition -> {
            TopicPartition id = new TopicPartition(topic.name(), partition.partition());
            latest.put(id, OffsetSpec.latest());
            earliest.put(id, OffsetSpec.earliest());
        }));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = client.listOffsets(latest).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = client.listOffsets(earliest).all()
                .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        for (String group : lag.keySet().stream().map(Subscription::group).distinct().toList()) {
            Map<TopicPartition, OffsetAndMetadata> committed = client.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            lag.forEach((subscription, value) -> {
                if (subscription.group().equals(group)) {
                    value.set(lagOf(subscription.topic(), ends, starts, committed));
                }
            });
        }
    }

    /** Per partition: end minus committed; a partition the group never committed is behind by all it holds. */
    private static long lagOf(String topic, Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends,
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts,
            Map<TopicPartition, OffsetAndMetadata> committed) {
        long total = 0;
        for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
            TopicPartition partition = end.getKey();
            if (!partition.topic().equals(topic)) {
                continue;
            }
            OffsetAndMetadata done = committed.get(partition);
            long from = done != null ? done.offset() : starts.get(partition).offset();
            total += Math.max(0, end.getValue().offset() - from);
        }
        return total;
    }

    /** For tests: the groups and topics measured. */
    Collection<Subscription> measured() {
        return lag.keySet();
    }

    private Admin admin() {
        Admin current = admin;
        if (current == null) {
            synchronized (this) {
                if (admin == null) {
                    Map<String, Object> settings = new HashMap<>();
                    settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                            kafkaConfig.getOrDefault("bootstrap.servers", "127.0.0.1:9092"));
                    settings.put(AdminClientConfig.CLIENT_ID_CONFIG, "sparks-consumer-lag-" + ProcessHandle.current()
                            .pid());
                    settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                    settings.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT.toMillis());
                    admin = Admin.create(settings);
                }
                current = admin;
            }
        }
        return current;
    }

    void stop(@Observes ShutdownEvent event) {
        Admin current = admin;
        if (current != null) {
            current.close(Duration.ofSeconds(2));
        }
    }
}
