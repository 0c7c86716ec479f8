package dev.sparks.matching.bench;

import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.GrowthArea;
import dev.sparks.common.model.Trait;
import dev.sparks.matching.domain.CompatibilityScorer;
import dev.sparks.matching.domain.MatchDecision;
import dev.sparks.matching.domain.MatchingPolicy;
import dev.sparks.matching.domain.MentorCandidate;
import dev.sparks.matching.domain.MentorRanking;
import dev.sparks.matching.domain.ParticipantProfile;
import dev.sparks.matching.domain.Strengths;
import dev.sparks.matching.domain.ZoneOffsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * One matching decision (hard rules, score, bounded top-10) over 20,000 generated mentors, in process: the pure
 * part of what matching-service does per assessment.completed.v1. Sampled, so JMH reports p50/p99/p99.9.
 * Run with {@code matching-service/bench/decision-benchmark}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class DecisionBenchmark {

    private static final String[] LANGUAGES = {"en", "de", "fr", "es", "pt", "it", "nl", "pl"};
    private static final String[] ZONES = {"Europe/Berlin", "Europe/London", "America/New_York", "Asia/Kolkata",
            "America/Sao_Paulo", "Australia/Sydney", "Europe/Madrid", "Asia/Tokyo"};

    @Param("20000")
    public int mentorCount;

    private MentorRanking ranking;
    private MatchingPolicy policy;
    private List<MentorCandidate> mentors;
    private ParticipantProfile participant;

    @Setup
    public void generate() {
        Random random = new Random(42);
        ranking = new MentorRanking(new CompatibilityScorer(ZoneOffsets.at(Instant.parse("2026-01-15T12:00:00Z"))));
        policy = MatchingPolicy.defaults();
        Trait[] traits = Trait.values();
        Goal[] goals = Goal.values();
        Field[] fields = Field.values();
        mentors = new ArrayList<>(mentorCount);
        for (int i = 0; i < mentorCount; i++) {
            Map<Trait, Integer> levels = new EnumMap<>(Trait.class);
            for (Trait trait : traits) {
                levels.put(trait, 1 + random.nextInt(5));
            }
            Set<Goal> offerings = EnumSet.noneOf(Goal.class);
            for (Goal goal : goals) {
                if (random.nextBoolean()) {
                    offerings.add(goal);
                }
            }
            List<String> languages = random.nextInt(3) == 0
                    ? List.of(LANGUAGES[random.nextInt(LANGUAGES.length)], "en")
                    : List.of(LANGUAGES[random.nextInt(LANGUAGES.length)]);
            int capacity = 1 + random.nextInt(5);
            mentors.add(new MentorCandidate(new UUID(random.nextLong(), random.nextLong()), "Mentor " + i,
                    "mentor" + i + "@bench.test", fields[random.nextInt(fields.length)], languages,
                    ZONES[random.nextInt(ZONES.length)], Strengths.of(levels), offerings, capacity,
                    random.nextInt(capacity + 1), random.nextInt(20) != 0,
                    random.nextInt(50) == 0 ? Set.of("P-bench") : Set.of()));
        }
        participant = new ParticipantProfile(UUID.randomUUID(), "P-bench", "bench@sparks.test",
                List.of(new GrowthArea(1, Trait.APPROACH_TO_CHANGE_LEADERSHIP, 20, "low"),
                        new GrowthArea(2, Trait.SPEAK_UP, 25, "low"),
                        new GrowthArea(3, Trait.TAKE_SMART_RISKS, 30, "low"),
                        new GrowthArea(4, Trait.DEVELOPING_PEOPLE_LEADERSHIP, 32, "low"),
                        new GrowthArea(5, Trait.STAY_COMPOSED, 35, "low")),
                List.of(Goal.CAREER_ADVICE, Goal.NETWORKING), Field.TECHNOLOGY, List.of("en", "de"),
                "Europe/Berlin");
    }

    @Benchmark
    public MatchDecision decide() {
        return ranking.decide(participant, mentors, policy, Set.of(), MentorRanking.DEFAULT_SHORTLIST);
    }
}
