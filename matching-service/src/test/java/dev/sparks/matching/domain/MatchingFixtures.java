package dev.sparks.matching.domain;

import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.GrowthArea;
import dev.sparks.common.model.Trait;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Readable participants and mentors for the domain tests. */
final class MatchingFixtures {

    /** A winter instant: Berlin UTC+1, London UTC+0, New York UTC-5, Kolkata UTC+5:30. */
    static final Instant REFERENCE = Instant.parse("2026-01-15T12:00:00Z");
    static final UUID PARTICIPANT_ID = UUID.fromString("00000000-0000-0000-0000-0000000000aa");

    private MatchingFixtures() {
    }

    static CompatibilityScorer scorer() {
        return new CompatibilityScorer(ZoneOffsets.at(REFERENCE));
    }

    static UUID id(int n) {
        return new UUID(0, n);
    }

    static List<GrowthArea> growthAreas(Trait... traits) {
        List<GrowthArea> areas = new ArrayList<>();
        for (int i = 0; i < traits.length; i++) {
            areas.add(new GrowthArea(i + 1, traits[i], 20, "low score"));
        }
        return areas;
    }

    /**
     * Growth areas: driving change (1), speaking up (2), taking smart risks (3); goals: career
     * advice, networking; technology; English then German; Berlin.
     */
    static ParticipantProfile participant() {
        return new ParticipantProfile(PARTICIPANT_ID, "P-1", "Pat@Example.org",
                growthAreas(Trait.APPROACH_TO_CHANGE_LEADERSHIP, Trait.SPEAK_UP, Trait.TAKE_SMART_RISKS),
                List.of(Goal.CAREER_ADVICE, Goal.NETWORKING),
                Field.TECHNOLOGY, List.of("en", "de"), "Europe/Berlin");
    }

    static MentorBuilder mentor(int n) {
        return new MentorBuilder(id(n));
    }

    /** Defaults: eligible for {@link #participant()}, no strengths, no offerings, same zone and field. */
    static final class MentorBuilder {
        private final UUID id;
        private String email;
        private Field field = Field.TECHNOLOGY;
        private List<String> languages = List.of("en");
        private String timeZone = "Europe/Berlin";
        private Strengths strengths = Strengths.uniform(1);
        private Set<Goal> offerings = EnumSet.noneOf(Goal.class);
        private int capacity = 3;
        private int reserved;
        private boolean accepting = true;
        private Set<String> exclusions = Set.of();

        MentorBuilder(UUID id) {
            this.id = id;
            this.email = "mentor" + id.getLeastSignificantBits() + "@example.org";
        }

        MentorBuilder email(String value) {
            email = value;
            return this;
        }

        MentorBuilder field(Field value) {
            field = value;
            return this;
        }

        MentorBuilder languages(String... values) {
            languages = List.of(values);
            return this;
        }

        MentorBuilder timeZone(String value) {
            timeZone = value;
            return this;
        }

        MentorBuilder strengths(Strengths value) {
            strengths = value;
            return this;
        }

        MentorBuilder strength(Trait trait, int level) {
            strengths = strengths.with(trait, level);
            return this;
        }

        MentorBuilder offers(Goal... goals) {
            offerings = goals.length == 0 ? EnumSet.noneOf(Goal.class) : EnumSet.copyOf(List.of(goals));
            return this;
        }

        MentorBuilder capacity(int value) {
            capacity = value;
            return this;
        }

        MentorBuilder reserved(int value) {
            reserved = value;
            return this;
        }

        MentorBuilder accepting(boolean value) {
            accepting = value;
            return this;
        }

        MentorBuilder excludes(String... values) {
            exclusions = Set.of(values);
            return this;
        }

        MentorCandidate build() {
            return new MentorCandidate(id, "Mentor " + id.getLeastSignificantBits(), email, field, languages,
                    timeZone, strengths, offerings, capacity, reserved, accepting, exclusions);
        }
    }
}
