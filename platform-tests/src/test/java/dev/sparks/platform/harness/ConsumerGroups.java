package dev.sparks.platform.harness;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * The platform's consumer groups on the shared topics. Other modules' tests wrote to the same topics earlier in the
 * build; a new group is therefore placed at the current end of its topics before any member joins. That is what
 * {@code auto.offset.reset=latest} means, without its race: a consumer that resets only once it gets its partitions
 * would skip an event published in between.
 */
final class ConsumerGroups {

    private ConsumerGroups() {
    }

    /** Commits the end offsets of {@code topics} as {@code group}'s position; the group must be new. */
    static void startAtEnd(String group, Collection<String> topics) {
        if (topics.isEmpty()) {
            return;
        }
        try (Admin admin = admin()) {
            Map<String, TopicDescription> described = admin.describeTopics(Set.copyOf(topics)).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            described.values().forEach(topic -> topic.partitions().forEach(partition ->
                    ends.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> offsets = admin.listOffsets(ends).all()
                    .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetAndMetadata> positions = offsets.entrySet().stream().collect(Collectors.toMap(
                    Map.Entry::getKey, entry -> new OffsetAndMetadata(entry.getValue().offset())));
            admin.alterConsumerGroupOffsets(group, positions).all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot place consumer group " + group + " at the end of " + topics
                    + " (is Kafka running on " + Project.KAFKA_BOOTSTRAP + "?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** How many records of {@code topics} the group has not committed yet (0 when it has caught up). */
    static long lag(String group, Collection<String> topics) {
        try (Admin admin = admin()) {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> ends = new HashMap<>();
            Map<String, TopicDescription> described = admin.describeTopics(Set.copyOf(topics)).allTopicNames()
                    .get(30, TimeUnit.SECONDS);
            described.values().forEach(topic -> topic.partitions().forEach(partition ->
                    ends.put(new TopicPartition(topic.name(), partition.partition()), OffsetSpec.latest())));
            long lag = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end
                    : admin.listOffsets(ends).all().get(30, TimeUnit.SECONDS).entrySet()) {
                OffsetAndMetadata position = committed.get(end.getKey());
                lag += end.getValue().offset() - (position == null ? 0 : position.offset());
            }
            return lag;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot read consumer group " + group, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static List<String> existingTopics(Collection<String> topics) {
        try (Admin admin = admin()) {
            Set<String> names = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            return topics.stream().filter(names::contains).distinct().toList();
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot list topics (is Kafka running on " + Project.KAFKA_BOOTSTRAP
                    + "?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Admin admin() {
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Project.KAFKA_BOOTSTRAP);
        settings.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 30_000);
        return Admin.create(settings);
    }
}
