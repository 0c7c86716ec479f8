package dev.sparks.matching;

import static dev.sparks.matching.MatchingFlowTest.PATIENCE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.events.MentorProfileChangedV1;
import dev.sparks.common.events.Topics;
import dev.sparks.common.model.Availability;
import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.GrowthArea;
import dev.sparks.common.model.Trait;
import dev.sparks.common.testing.Tokens;
import dev.sparks.common.testing.TopicProbe;
import dev.sparks.matching.runs.MatchingRunRepository;
import dev.sparks.matching.runs.RunObjective;
import dev.sparks.matching.testing.EventFeed;
import dev.sparks.matching.testing.Eventually;
import dev.sparks.matching.testing.TestEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Cohort mode and matching runs against the real broker, database and OIDC provider. Each test's cohort speaks a
 * language of its own; a run processes the whole pool, so assertions are about this test's people and about the
 * matches the run itself created. The program goes back to immediate mode after each test.
 */
@QuarkusTest
class CohortRunsTest {

    static EventFeed feed;

    @Inject
    EntityManager entityManager;

    @Inject
    MatchingRunRepository runs;

    @BeforeAll
    static void connect() {
        feed = EventFeed.connect();
    }

    @AfterAll
    static void disconnect() {
        feed.close();
    }

    /** Other test classes share the database and expect immediate matching; the pool goes to the waiting list. */
    @AfterEach
    void backToImmediateMode() {
        settings(Map.of("mode", "IMMEDIATE")).then().statusCode(200).body("mode", equalTo("IMMEDIATE"));
    }

    @BeforeEach
    void cohortMode() {
        settings(Map.of("mode", "COHORT")).then().statusCode(200).body("mode", equalTo("COHORT"));
        Eventually.until("no run active", () -> QuarkusTransaction.requiringNew().call(() -> runs.active().isEmpty()),
                PATIENCE);
    }

    @Test
    void dryRunReportsTheOptimumAndGreedyAndCreatesNothing() {
        Random random = new Random(7);
        String language = TestEvents.uniqueLanguage();
        List<MentorProfileChangedV1> mentors = new ArrayList<>();
        for (int j = 0; j < 8; j++) {
            mentors.add(mentor(language, random, 1 + random.nextInt(4)));
        }
        List<AssessmentCompletedV1> people = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            people.add(participant(language, random));
        }
        Set<UUID> ids = publish(mentors, people);

        try (TopicProbe matches = TopicProbe.fromNow(Topics.MATCHES)) {
            String location = given().auth().oauth2(Tokens.user("priya")).contentType("application/json")
                    .body(Map.of("objective", "most-participation", "dryRun", true))
                    .post("/api/v1/matching-runs").then()
                    .statusCode(202)
                    .header("Location", notNullValue())
                    .body("dryRun", equalTo(true))
                    .body("objective", equalTo("most-participation"))
                    .extract().header("Location");
            JsonPath run = awaitDone(location);

            assertThat(run.getString("state")).isEqualTo("PREVIEWED");
            assertThat(run.getInt("report.poolSize")).isGreaterThanOrEqualTo(60);
            assertThat(run.getInt("report.mentors")).isGreaterThanOrEqualTo(8);
            assertThat(run.getLong("report.arcs")).isPositive();
            assertThat(run.getInt("report.created")).isZero();
            assertThat(run.getBoolean("report.provenOptimal")).isTrue();
            assertThat(run.getInt("report.assigned")).isGreaterThanOrEqualTo(run.getInt("report.greedy.matched"));
            assertThat(run.getInt("report.gain.matched"))
                    .isEqualTo(run.getInt("report.assigned") - run.getInt("report.greedy.matched"));
            assertThat(run.getDouble("report.meanScore")).isPositive();
            assertThat(run.getDouble("report.lowestScore")).isGreaterThanOrEqualTo(run.getDouble("report.threshold"));
            assertThat(run.getDouble("report.solveMillis")).isNotNegative();
            assertThat(run.getString("finishedAt")).isNotNull();

            // nothing created: no match, no event, everyone still in the pool
            assertThat(count("select count(*) from match where participant_id in (?1)", ids)).isZero();
            assertThat(count("select count(*) from cohort_pool where participant_id in (?1)", ids)).isEqualTo(60);
            assertThat(matches.drain(record -> ids.stream().anyMatch(id -> TopicProbe.value(record)
                    .contains(id.toString())), java.time.Duration.ofSeconds(3))).isEmpty();
        }
        given().auth().oauth2(Tokens.user("priya")).get("/api/v1/matching-runs").then()
                .statusCode(200).body("items[0].id", notNullValue());
    }

    @Test
    void aRunMatchesAThousandAtOnceWithinCapacityAndProposesEachOnce() {
        Random random = new Random(42);
        String language = TestEvents.uniqueLanguage();
        List<MentorProfileChangedV1> mentors = new ArrayList<>();
        int capacity = 0;
        for (int j = 0; j < 150; j++) {
            int places = 1 + random.nextInt(10);
            if (capacity + places >= 1000) {
                places = 1;
            }
            capacity += places;
            mentors.add(mentor(language, random, places));
        }
        assertThat(capacity).isLessThan(1000);
        List<AssessmentCompletedV1> people = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            people.add(participant(language, random));
        }
        Set<UUID> ids = publish(mentors, people);

        try (TopicProbe matches = TopicProbe.fromNow(Topics.MATCHES)) {
            String location = given().auth().oauth2(Tokens.user("priya")).contentType("application/json")
                    .body(Map.of("objective", "best-score", "threshold", 50, "dryRun", false))
                    .post("/api/v1/matching-runs").then()
                    .statusCode(202)
                    .extract().header("Location");
            JsonPath run = awaitDone(location);
            String runId = run.getString("id");
            assertThat(run.getString("state")).as(run.prettify()).isEqualTo("SUCCEEDED");

            int created = run.getInt("report.created");
            assertThat(created).isEqualTo(run.getInt("report.assigned") - run.getInt("report.skipped"));
            assertThat(run.getInt("progress.done")).isEqualTo(run.getInt("report.assigned"));
            // the optimum is never worse than greedy first-come on the same input
            assertThat(run.getDouble("report.totalScore")).isGreaterThanOrEqualTo(run.getDouble("report.greedy.totalScore"));
            assertThat(run.getBoolean("report.provenOptimal")).isTrue();
            assertThat(run.getDouble("report.threshold")).isEqualTo(50.0);

            // the matches the run created: as many as it reports, none below the threshold, one per participant
            List<Object[]> made = rows("select cast(id as text), cast(participant_id as text), cast(mentor_id as text),"
                    + " score, status from match where created_by = ?1", "cohort run " + runId);
            assertThat(made).hasSize(created);
            assertThat(made).allSatisfy(row -> assertThat(((Number) row[3]).doubleValue()).isGreaterThanOrEqualTo(50.0));
            Set<String> matchedParticipants = new HashSet<>();
            made.forEach(row -> assertThat(matchedParticipants.add((String) row[1])).as("one match each").isTrue());
            long mine = made.stream().filter(row -> ids.contains(UUID.fromString((String) row[1]))).count();
            assertThat(mine).isGreaterThan(capacity * 8L / 10);
            // (a notification-service running against the same broker may invite and expire these matches at
            // once, and the lifecycle then proposes the next-best mentor: so the checks below hold whatever it did)
            assertThat(count("select count(*) from (select participant_id from match where participant_id in (?1)"
                    + " and status in ('PROPOSED', 'INVITED', 'ACCEPTED') group by participant_id having count(*) > 1) x",
                    ids)).as("nobody holds two matches").isZero();
            // everyone without a match is still in the pool, nobody with one is
            long withMatch = count("select count(distinct participant_id) from match where participant_id in (?1)", ids);
            assertThat(withMatch).isGreaterThanOrEqualTo(mine);
            assertThat(count("select count(*) from cohort_pool where participant_id in (?1)", ids))
                    .isEqualTo(1000 - withMatch);

            // every mentor within capacity, and reserved agrees with the open matches
            Map<UUID, Integer> capacities = new HashMap<>();
            mentors.forEach(m -> capacities.put(m.mentorId(), m.capacity()));
            for (Object[] row : rows("select cast(m.id as text), m.capacity, m.reserved, (select count(*) from match x"
                    + " where x.mentor_id = m.id and x.status in ('PROPOSED', 'INVITED', 'ACCEPTED'))"
                    + " from mentor m where m.id in (?1)", capacities.keySet())) {
                int open = ((Number) row[3]).intValue();
                assertThat(open).isLessThanOrEqualTo(((Number) row[1]).intValue());
                assertThat(((Number) row[2]).intValue()).isEqualTo(open);
            }

            // exactly one match.proposed.v1 per created match
            Set<String> matchIds = new HashSet<>();
            made.forEach(row -> matchIds.add((String) row[0]));
            List<ConsumerRecord<String, byte[]>> proposed = matches.await(record ->
                    TopicProbe.ofType(MatchProposedV1.TYPE).test(record) && matchIds.contains(record.key()),
                    created, PATIENCE);
            assertThat(proposed).hasSize(created);
            assertThat(proposed.stream().map(ConsumerRecord::key).distinct().count()).isEqualTo(created);
            assertThat(matches.drain(record -> TopicProbe.ofType(MatchProposedV1.TYPE).test(record)
                    && matchIds.contains(record.key()), java.time.Duration.ofSeconds(2))).hasSize(created);
        }
    }

    @Test
    void aScheduledRunStartsWhenItsTimeComes() {
        Random random = new Random(3);
        String language = TestEvents.uniqueLanguage();
        // role models in everything: every pair clears the policy's minimum, so all five places are filled
        List<MentorProfileChangedV1> mentors = List.of(mentor(language, random, 3, 5), mentor(language, random, 2, 5));
        List<AssessmentCompletedV1> people = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            people.add(participant(language, random));
        }
        Set<UUID> ids = publish(mentors, people);

        settings(Map.of("mode", "COHORT", "nextRunAt", Instant.now().toString(), "objective", "most-participation"))
                .then().statusCode(200).body("nextRunAt", notNullValue());
        Eventually.until("the scheduled run matched the cohort", () -> count("select count(distinct participant_id)"
                + " from match where participant_id in (?1) and created_by like 'cohort run %'", ids) == 5, PATIENCE);
        given().auth().oauth2(Tokens.user("priya")).get("/api/v1/program-settings").then()
                .statusCode(200).body("mode", equalTo("COHORT")).body("nextRunAt", equalTo(null));
        JsonPath newest = given().auth().oauth2(Tokens.user("priya")).get("/api/v1/matching-runs").then()
                .statusCode(200).extract().jsonPath();
        assertThat(newest.getString("items[0].requestedBy")).isEqualTo("scheduler");
        awaitDone("/api/v1/matching-runs/" + newest.getString("items[0].id"));
    }

    @Test
    void runsNeverOverlap() {
        // another replica's run, still running: the database guard refuses a second one
        UUID other = UUID.randomUUID();
        assertThat(QuarkusTransaction.requiringNew().call(() -> runs.insertIfNoneActive(other,
                RunObjective.BEST_SCORE, 50, false, "another replica"))).isTrue();
        try {
            given().auth().oauth2(Tokens.user("priya")).contentType("application/json")
                    .body(Map.of("objective", "best-score", "dryRun", true))
                    .post("/api/v1/matching-runs").then()
                    .statusCode(409)
                    .contentType("application/problem+json")
                    .body("status", equalTo(409));
            assertThat(QuarkusTransaction.requiringNew().call(() -> runs.insertIfNoneActive(UUID.randomUUID(),
                    RunObjective.MOST_PARTICIPATION, null, true, "a third replica"))).isFalse();
        } finally {
            QuarkusTransaction.requiringNew().run(() -> runs.fail(other, "test over"));
        }
    }

    @Test
    void onlyProgramAdminsRunAndSeeRuns() {
        given().contentType("application/json").body(Map.of("objective", "best-score"))
                .post("/api/v1/matching-runs").then().statusCode(401);
        given().auth().oauth2(Tokens.user("ada")).contentType("application/json")
                .body(Map.of("objective", "best-score")).post("/api/v1/matching-runs").then()
                .statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("ada")).get("/api/v1/matching-runs").then().statusCode(403);
        given().auth().oauth2(Tokens.user("maya")).get("/api/v1/program-settings").then().statusCode(403);
        given().get("/api/v1/program-settings").then().statusCode(401);
        given().auth().oauth2(Tokens.user("priya")).get("/api/v1/matching-runs/{id}", UUID.randomUUID()).then()
                .statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(Tokens.user("priya")).contentType("application/json")
                .body(Map.of("objective", "best-ever", "threshold", 120)).post("/api/v1/matching-runs").then()
                .statusCode(400).contentType("application/problem+json");
    }

    private static io.restassured.response.Response settings(Map<String, Object> body) {
        return given().auth().oauth2(Tokens.user("priya")).contentType("application/json").body(body)
                .put("/api/v1/program-settings");
    }

    /** Publishes the mentors, waits until matching has them, then the participants, until all are in the pool. */
    private Set<UUID> publish(List<MentorProfileChangedV1> mentors, List<AssessmentCompletedV1> people) {
        Set<UUID> mentorIds = new HashSet<>();
        mentors.forEach(m -> {
            feed.mentor(m);
            mentorIds.add(m.mentorId());
        });
        Eventually.until("the mentors in the read model",
                () -> count("select count(*) from mentor where id in (?1)", mentorIds) == mentors.size(), PATIENCE);
        Set<UUID> ids = new HashSet<>();
        people.forEach(p -> {
            feed.completed(p);
            ids.add(p.participantId());
        });
        Eventually.until("the cohort in the pool",
                () -> count("select count(*) from cohort_pool where participant_id in (?1)", ids) == people.size(),
                PATIENCE);
        return ids;
    }

    private static JsonPath awaitDone(String location) {
        return Eventually.until("the run to finish", () -> {
            JsonPath run = given().auth().oauth2(Tokens.user("priya")).get(location).then().statusCode(200)
                    .extract().jsonPath();
            return Set.of("PENDING", "RUNNING").contains(run.getString("state")) ? null : run;
        }, PATIENCE);
    }

    private long count(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getSingleResult()).longValue());
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(sql)
                .setParameter(1, parameter).getResultList());
    }

    /** A mentor with random strengths and offerings, so scores differ and the assignment matters. */
    static MentorProfileChangedV1 mentor(String language, Random random, int capacity) {
        return mentor(language, random, capacity, 1);
    }

    static MentorProfileChangedV1 mentor(String language, Random random, int capacity, int lowestStrength) {
        UUID id = UUID.randomUUID();
        Map<Trait, Integer> strengths = new EnumMap<>(Trait.class);
        for (Trait trait : Trait.values()) {
            strengths.put(trait, lowestStrength + random.nextInt(6 - lowestStrength));
        }
        List<Goal> offerings = new ArrayList<>();
        for (Goal goal : Goal.values()) {
            if (random.nextBoolean()) {
                offerings.add(goal);
            }
        }
        String name = "Cohort mentor " + id.toString().substring(0, 6);
        return new MentorProfileChangedV1(id, "EXT-" + id, name, TestEvents.uniqueEmail("cohort-mentor"),
                Field.TECHNOLOGY, "senior", List.of(language), "Europe/Berlin", "Bio of " + name, strengths, offerings,
                capacity, Availability.ACCEPTING, null, false, List.of(), 1, Instant.now());
    }

    /** A participant with three random growth areas and two random goals. */
    static AssessmentCompletedV1 participant(String language, Random random) {
        UUID id = UUID.randomUUID();
        List<Trait> traits = new ArrayList<>(List.of(Trait.values()));
        Collections.shuffle(traits, random);
        Map<Trait, Integer> scores = new EnumMap<>(Trait.class);
        for (Trait trait : Trait.values()) {
            scores.put(trait, 70);
        }
        List<GrowthArea> areas = new ArrayList<>();
        for (int rank = 1; rank <= 3; rank++) {
            scores.put(traits.get(rank - 1), 15 + rank);
            areas.add(new GrowthArea(rank, traits.get(rank - 1), 15 + rank, "growth area " + rank));
        }
        List<Goal> goals = new ArrayList<>(List.of(Goal.values()));
        Collections.shuffle(goals, random);
        return new AssessmentCompletedV1(UUID.randomUUID(), id, "P-" + id, "Cohort participant "
                + id.toString().substring(0, 6), TestEvents.uniqueEmail("cohort"), "v1", scores, "Builder", areas,
                goals.subList(0, 2), new AssessmentCompletedV1.Preferences(Field.TECHNOLOGY, List.of(language),
                        "Europe/Berlin", null), Instant.now());
    }
}
