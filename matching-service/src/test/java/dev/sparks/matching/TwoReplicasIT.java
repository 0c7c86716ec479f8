package dev.sparks.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.testing.TopicProbe;
import dev.sparks.matching.testing.EventFeed;
import dev.sparks.matching.testing.Eventually;
import dev.sparks.matching.testing.TestEvents;
import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the packaged service, as separate processes on one database and one consumer group, race for
 * a handful of mentors: 5 mentors with 3 places each, 200 participants who all fit them. Afterwards no mentor is
 * over capacity, the reserved counts agree with the matches, every participant is matched or waiting exactly
 * once, and every match was announced exactly once.
 */
class TwoReplicasIT {

    static final int MENTORS = 5;
    static final int CAPACITY = 3;
    static final int PARTICIPANTS = 200;
    static final Duration PATIENCE = Duration.ofMinutes(5);
    static final String DB_HOST = env("SPARKS_DB_HOST", "127.0.0.1");
    static final String DB_PORT = env("SPARKS_DB_PORT", "5432");
    static final String DB_USER = env("SPARKS_DB_USER", "postgres");
    static final String DB_PASSWORD = env("SPARKS_DB_PASSWORD", "");
    static final String DATABASE = "sparks_matching_it";
    static final String JDBC_URL = "jdbc:postgresql://" + DB_HOST + ":" + DB_PORT + "/" + DATABASE;
    static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void twoReplicasNeverExceedCapacityNorMatchAnyoneTwice() throws Exception {
        createDatabaseIfMissing();
        String group = "matching-service-it-" + UUID.randomUUID();
        List<Replica> replicas = new ArrayList<>();
        try (EventFeed feed = EventFeed.connect()) {
            replicas.add(start(1, group, true));
            awaitReady(replicas.get(0));
            replicas.add(start(2, group, false));
            awaitReady(replicas.get(1));
            awaitGroupStable(group, 2);

            String language = TestEvents.uniqueLanguage();
            List<TestEvents.MentorDraft> mentors = new ArrayList<>();
            for (int i = 0; i < MENTORS; i++) {
                TestEvents.MentorDraft mentor = TestEvents.mentor(language).capacity(CAPACITY).strength(3 + i % 3);
                mentors.add(mentor);
                feed.mentor(mentor.event());
            }
            Set<UUID> mentorIds = new HashSet<>();
            mentors.forEach(mentor -> mentorIds.add(mentor.id));
            Eventually.until("all mentors in the read model", () -> count(
                    "select count(*) from mentor where id = any(?)", mentorIds) == MENTORS, PATIENCE);

            Set<UUID> participants = new HashSet<>();
            try (TopicProbe matchesTopic = TopicProbe.fromNow(Topics.MATCHES)) {
                for (int i = 0; i < PARTICIPANTS; i++) {
                    AssessmentCompletedV1 completed = TestEvents.participant(language).event();
                    participants.add(completed.participantId());
                    feed.completed(completed);
                }

                Eventually.until("every participant matched or waiting", () -> count(
                        "select count(distinct p) from (select participant_id p from match where participant_id = any(?)"
                                + " union all select participant_id from waiting_list where participant_id = any(?)) x",
                        participants, participants) == PARTICIPANTS, PATIENCE);

                // capacity: per mentor, open matches <= capacity, and the reserved column says the same
                Map<UUID, Integer> open = openMatchesPerMentor(mentorIds);
                Map<UUID, Integer> reserved = reservedPerMentor(mentorIds);
                for (UUID mentorId : mentorIds) {
                    assertThat(open.getOrDefault(mentorId, 0)).as("open matches of %s", mentorId)
                            .isLessThanOrEqualTo(CAPACITY)
                            .isEqualTo(reserved.get(mentorId));
                }
                int matched = open.values().stream().mapToInt(Integer::intValue).sum();
                assertThat(matched).isEqualTo(Math.min(PARTICIPANTS, MENTORS * CAPACITY));

                // every participant exactly once: one match or one waiting row, never both, never two matches
                Map<UUID, Integer> appearances = appearances(participants);
                assertThat(appearances).hasSize(PARTICIPANTS);
                assertThat(appearances.values()).allMatch(times -> times == 1);
                assertThat(count("select count(*) from match where participant_id = any(?)", participants))
                        .isEqualTo(matched);

                // exactly one match.proposed.v1 per match
                List<ConsumerRecord<String, byte[]>> proposed = matchesTopic.await(
                        record -> isProposalFor(record, participants), matched, PATIENCE);
                proposed = matchesTopic.drain(record -> isProposalFor(record, participants), Duration.ofSeconds(5));
                assertThat(proposed).hasSize(matched);
                assertThat(proposed.stream().map(ConsumerRecord::key).distinct()).hasSize(matched);
            }
        } finally {
            for (Replica replica : replicas) {
                replica.process().destroy();
            }
            for (Replica replica : replicas) {
                if (!replica.process().waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
                    replica.process().destroyForcibly();
                }
            }
        }
    }

    private static boolean isProposalFor(ConsumerRecord<String, byte[]> record, Set<UUID> participants) {
        if (!TopicProbe.ofType(MatchProposedV1.TYPE).test(record)) {
            return false;
        }
        try {
            JsonNode payload = EventFeed.JSON.readTree(record.value());
            return participants.contains(UUID.fromString(payload.path("participantId").asText()));
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    // ---------------------------------------------------------------- the replicas

    record Replica(int number, int port, Process process) {
    }

    private static Replica start(int number, String group, boolean cleanDatabase) throws IOException {
        int port = freePort();
        Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
        assertThat(jar).as("the packaged service (run in the integration-test phase)").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.url=" + JDBC_URL,
                "-Dquarkus.log.console.json.enabled=false",
                "-Dsparks.matching.waiting-list-sweep=2s"));
        for (String channel : List.of("assessments", "mentors", "invitations")) {
            command.add("-Dmp.messaging.incoming." + channel + ".group.id=" + group);
        }
        command.add("-Dmp.messaging.incoming.assessments.auto.offset.reset=latest");
        command.add("-Dmp.messaging.incoming.invitations.auto.offset.reset=latest");
        command.add("-Dmp.messaging.incoming.mentors.auto.offset.reset=earliest");
        if (cleanDatabase) {
            command.add("-Dquarkus.flyway.clean-at-start=true");
            command.add("-Dquarkus.flyway.clean-disabled=false");
        }
        command.add("-jar");
        command.add(jar.toString());
        File log = Path.of("target", "it-replica-" + number + ".log").toFile();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
        // should the test JVM itself be stopped, the replicas go with it
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
        return new Replica(number, port, process);
    }

    private static void awaitReady(Replica replica) {
        Eventually.until("replica " + replica.number() + " ready", () -> {
            assertThat(replica.process().isAlive())
                    .as("replica %d is running (see target/it-replica-%d.log)", replica.number(), replica.number())
                    .isTrue();
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + replica.port() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                return response.statusCode() == 200;
            } catch (IOException e) {
                return false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }, PATIENCE);
    }

    /**
     * Both replicas joined the group and hold partitions, so neither misses an assessment published from now on
     * (the group starts at the latest offsets, to skip other tests' history).
     */
    private static void awaitGroupStable(String group, int members) {
        Properties settings = new Properties();
        settings.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, env("SPARKS_KAFKA_BOOTSTRAP", "127.0.0.1:9092"));
        try (Admin admin = Admin.create(settings)) {
            Eventually.until("both replicas in consumer group " + group, () -> {
                try {
                    ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group))
                            .describedGroups().get(group).get();
                    long assessmentPartitions = description.members().stream()
                            .flatMap(member -> member.assignment().topicPartitions().stream())
                            .filter(partition -> partition.topic().equals(Topics.ASSESSMENTS))
                            .count();
                    return description.members().size() >= members && assessmentPartitions == 6
                            && description.groupState().toString().equalsIgnoreCase("stable");
                } catch (Exception e) {
                    return false;
                }
            }, PATIENCE);
        }
    }

    // ---------------------------------------------------------------- the database

    private static void createDatabaseIfMissing() throws SQLException {
        String admin = "jdbc:postgresql://" + DB_HOST + ":" + DB_PORT + "/postgres";
        try (Connection connection = DriverManager.getConnection(admin, DB_USER, DB_PASSWORD);
                PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, DATABASE);
            try (ResultSet result = exists.executeQuery()) {
                if (!result.next()) {
                    connection.createStatement().execute("create database " + DATABASE);
                }
            }
        }
    }

    @SafeVarargs
    private static long count(String sql, Set<UUID>... ids) {
        try (Connection connection = DriverManager.getConnection(JDBC_URL, DB_USER, DB_PASSWORD);
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < ids.length; i++) {
                query.setArray(i + 1, connection.createArrayOf("uuid", ids[i].toArray()));
            }
            try (ResultSet result = query.executeQuery()) {
                result.next();
                return result.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }

    private static Map<UUID, Integer> openMatchesPerMentor(Set<UUID> mentorIds) throws SQLException {
        return perId("select mentor_id, count(*) from match where mentor_id = any(?)"
                + " and status in ('PROPOSED', 'INVITED', 'ACCEPTED') group by mentor_id", mentorIds);
    }

    private static Map<UUID, Integer> reservedPerMentor(Set<UUID> mentorIds) throws SQLException {
        return perId("select id, reserved from mentor where id = any(?)", mentorIds);
    }

    private static Map<UUID, Integer> appearances(Set<UUID> participants) throws SQLException {
        return perId("select p, count(*) from (select participant_id p from match where participant_id = any(?)"
                + " union all select participant_id from waiting_list where participant_id = any(?)) x group by p",
                participants, participants);
    }

    @SafeVarargs
    private static Map<UUID, Integer> perId(String sql, Set<UUID>... ids) throws SQLException {
        Map<UUID, Integer> counts = new HashMap<>();
        try (Connection connection = DriverManager.getConnection(JDBC_URL, DB_USER, DB_PASSWORD);
                PreparedStatement query = connection.prepareStatement(sql)) {
            for (int i = 0; i < ids.length; i++) {
                query.setArray(i + 1, connection.createArrayOf("uuid", ids[i].toArray()));
            }
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    counts.put((UUID) result.getObject(1), result.getInt(2));
                }
            }
        }
        return counts;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
