package dev.sparks.matching.domain;

import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.GrowthArea;
import dev.sparks.common.model.Trait;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Generators for the property tests. Value pools are small on purpose so that shared languages,
 * exclusions of this participant, full mentors and tied scores all turn up often.
 */
final class MatchingArbitraries {

    private static final String[] LANGUAGES = {"en", "de", "fr", "es"};
    private static final String[] ZONES = {"Europe/Berlin", "Europe/London", "America/New_York", "Asia/Kolkata",
        "Asia/Tokyo", "Pacific/Kiritimati", "Pacific/Honolulu", "UTC", "Not/A_Zone"};

    private MatchingArbitraries() {
    }

    static Arbitrary<ParticipantProfile> participants() {
        Arbitrary<List<GrowthArea>> growthAreas = Arbitraries.of(Trait.class).list().ofMinSize(1).ofMaxSize(5)
                .uniqueElements()
                .map(traits -> MatchingFixtures.growthAreas(traits.toArray(Trait[]::new)));
        return Combinators.combine(
                        Arbitraries.of("P-1", "P-2"),
                        Arbitraries.of("pat@example.org", "Pat@Example.org", "sam@example.org").injectNull(0.1),
                        growthAreas,
                        Arbitraries.of(Goal.class).list().ofMaxSize(4).uniqueElements(),
                        Arbitraries.of(Field.class).injectNull(0.1),
                        Arbitraries.of("en", "de").list().ofMinSize(1).ofMaxSize(2).uniqueElements(),
                        Arbitraries.of(ZONES).injectNull(0.05))
                .as((externalId, email, areas, goals, field, languages, zone) -> new ParticipantProfile(
                        MatchingFixtures.PARTICIPANT_ID, externalId, email, areas, goals, field, languages, zone));
    }

    static Arbitrary<Strengths> strengths() {
        return Arbitraries.integers().between(Strengths.MIN_LEVEL, Strengths.MAX_LEVEL)
                .list().ofSize(Trait.values().length)
                .map(levels -> {
                    Map<Trait, Integer> map = new EnumMap<>(Trait.class);
                    for (Trait trait : Trait.values()) {
                        map.put(trait, levels.get(trait.ordinal()));
                    }
                    return Strengths.of(map);
                });
    }

    /** Small id space so ties between equally scored mentors are decided by id. */
    static Arbitrary<MentorCandidate> mentors() {
        var identity = Combinators.combine(
                        Arbitraries.integers().between(1, 10_000).map(n -> new UUID(0, n)),
                        Arbitraries.frequency(Tuple.of(9, "mentor@example.org"), Tuple.of(1, "PAT@example.org")),
                        Arbitraries.of(Field.class).injectNull(0.1),
                        Arbitraries.frequencyOf(
                                Tuple.of(1, Arbitraries.just(List.<String>of())),
                                Tuple.of(5, Arbitraries.of(LANGUAGES).map(other -> List.of("en", other))),
                                Tuple.of(4, Arbitraries.of(LANGUAGES).list().ofMinSize(1).ofMaxSize(2).uniqueElements())),
                        Arbitraries.of(ZONES).injectNull(0.05),
                        strengths())
                .as(Tuple::of);
        var availability = Combinators.combine(
                        Arbitraries.of(Goal.class).set().map(goals -> goals.isEmpty()
                                ? EnumSet.noneOf(Goal.class) : EnumSet.copyOf(goals)),
                        Arbitraries.integers().between(0, 5),
                        Arbitraries.frequencyOf(
                                Tuple.of(3, Arbitraries.integers().between(0, 1)),
                                Tuple.of(1, Arbitraries.integers().between(0, 5))),
                        Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false)),
                        Arbitraries.frequencyOf(
                                Tuple.of(8, Arbitraries.just(Set.<String>of())),
                                Tuple.of(2, Arbitraries.of("P-1", "pat@example.org", "Pat@Example.org", "X-9")
                                        .set().ofMinSize(1).ofMaxSize(2))))
                .as(Tuple::of);
        return Combinators.combine(identity, availability).as((who, how) -> new MentorCandidate(
                who.get1(), "Mentor", who.get2(), who.get3(), who.get4(), who.get5(), who.get6(),
                how.get1(), how.get2(), how.get3(), how.get4(), how.get5()));
    }

    static Arbitrary<List<MentorCandidate>> mentorPools() {
        return mentors().list().ofMaxSize(30).uniqueElements(MentorCandidate::mentorId);
    }

    /** Valid policies: the defaults often, otherwise random splits of 100. */
    static Arbitrary<MatchingPolicy> policies() {
        Arbitrary<MatchingPolicy> random = Combinators.combine(
                        splitsOfHundred(), splitsOfHundred(),
                        Arbitraries.integers().between(0, 100), Arbitraries.integers().between(0, 50))
                .as((weights, shares, loadBalancing, minimum) -> new MatchingPolicy(2,
                        weights[0], weights[1], weights[2], shares[0], shares[1], shares[2], loadBalancing, minimum));
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.just(MatchingPolicy.defaults())), Tuple.of(3, random));
    }

    private static Arbitrary<int[]> splitsOfHundred() {
        return Arbitraries.integers().between(0, 100).flatMap(first -> Arbitraries.integers().between(0, 100 - first)
                .map(second -> new int[] {first, second, 100 - first - second}));
    }

    static MentorCandidate withStrengths(MentorCandidate m, Strengths strengths) {
        return new MentorCandidate(m.mentorId(), m.name(), m.email(), m.field(), m.languages(), m.timeZone(),
                strengths, m.offerings(), m.capacity(), m.reserved(), m.accepting(), m.exclusions());
    }

    static MentorCandidate withOfferings(MentorCandidate m, Set<Goal> offerings) {
        return new MentorCandidate(m.mentorId(), m.name(), m.email(), m.field(), m.languages(), m.timeZone(),
                m.strengths(), offerings, m.capacity(), m.reserved(), m.accepting(), m.exclusions());
    }

    static MatchingPolicy withLoadBalancing(MatchingPolicy p, int loadBalancing) {
        return new MatchingPolicy(p.version(), p.growthFitWeight(), p.goalCoverageWeight(), p.practicalFitWeight(),
                p.languageShare(), p.timeZoneShare(), p.fieldShare(), loadBalancing, p.minimumScore());
    }
}
