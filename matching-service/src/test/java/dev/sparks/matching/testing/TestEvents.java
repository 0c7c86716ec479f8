package dev.sparks.matching.testing;

import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.events.MentorProfileChangedV1;
import dev.sparks.common.model.Availability;
import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.GrowthArea;
import dev.sparks.common.model.Trait;
import java.time.Instant;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Events for the tests. Every test speaks a language of its own ({@link #uniqueLanguage()}): the topics are shared
 * with other modules' tests, and the language hard rule keeps their participants and mentors out of ours.
 */
public final class TestEvents {

    /** The growth areas of every test participant, most needed first. */
    public static final List<Trait> GROWTH = List.of(Trait.APPROACH_TO_CHANGE_LEADERSHIP, Trait.SPEAK_UP,
            Trait.TAKE_SMART_RISKS);

    private TestEvents() {
    }

    public static String uniqueLanguage() {
        return "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    }

    public static String uniqueEmail(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@sparks.test";
    }

    public static MentorDraft mentor(String language) {
        return new MentorDraft(language);
    }

    public static AssessmentDraft participant(String language) {
        return new AssessmentDraft(language);
    }

    /** A mentor who is a role model (5) in the test growth areas unless told otherwise, capacity 1. */
    public static final class MentorDraft {
        public final UUID id = UUID.randomUUID();
        private String name = "Mentor " + id.toString().substring(0, 6);
        private String email = uniqueEmail("mentor");
        private final String language;
        private int strength = 5;
        private int capacity = 1;
        private Availability availability = Availability.ACCEPTING;
        private LocalDate pausedUntil;
        private boolean retired;
        private long version = 1;
        private List<String> exclusions = List.of();

        MentorDraft(String language) {
            this.language = language;
        }

        public MentorDraft name(String value) {
            name = value;
            return this;
        }

        public MentorDraft email(String value) {
            email = value;
            return this;
        }

        public MentorDraft strength(int value) {
            strength = value;
            return this;
        }

        public MentorDraft capacity(int value) {
            capacity = value;
            return this;
        }

        public MentorDraft paused(LocalDate until) {
            availability = Availability.PAUSED;
            pausedUntil = until;
            return this;
        }

        public MentorDraft retired() {
            availability = Availability.RETIRED;
            retired = true;
            return this;
        }

        public MentorDraft version(long value) {
            version = value;
            return this;
        }

        /** Participants never to be matched with this mentor, by email or external id. */
        public MentorDraft exclusions(List<String> value) {
            exclusions = List.copyOf(value);
            return this;
        }

        public String email() {
            return email;
        }

        public String name() {
            return name;
        }

        public MentorProfileChangedV1 event() {
            Map<Trait, Integer> strengths = new EnumMap<>(Trait.class);
            for (Trait trait : Trait.values()) {
                strengths.put(trait, GROWTH.contains(trait) ? strength : 1);
            }
            return new MentorProfileChangedV1(id, "EXT-" + id, name, email, Field.TECHNOLOGY, "senior",
                    List.of(language), "Europe/Berlin", "Bio of " + name, strengths,
                    List.of(Goal.CAREER_ADVICE, Goal.NETWORKING), capacity, availability, pausedUntil, retired,
                    exclusions, version, Instant.now());
        }
    }

    /** A participant whose growth areas are {@link #GROWTH}, who wants career advice and networking. */
    public static final class AssessmentDraft {
        public final UUID id = UUID.randomUUID();
        private final String language;
        private String name = "Participant " + id.toString().substring(0, 6);
        private String email = uniqueEmail("participant");

        AssessmentDraft(String language) {
            this.language = language;
        }

        public AssessmentDraft email(String value) {
            email = value;
            return this;
        }

        public String email() {
            return email;
        }

        public String name() {
            return name;
        }

        /** The HR id its events carry. */
        public String externalId() {
            return "P-" + id;
        }

        public AssessmentCompletedV1 event() {
            Map<Trait, Integer> scores = new EnumMap<>(Trait.class);
            for (Trait trait : Trait.values()) {
                scores.put(trait, GROWTH.contains(trait) ? 20 : 70);
            }
            List<GrowthArea> areas = List.of(
                    new GrowthArea(1, GROWTH.get(0), 20, "lowest score"),
                    new GrowthArea(2, GROWTH.get(1), 22, "second lowest"),
                    new GrowthArea(3, GROWTH.get(2), 25, "third lowest"));
            return new AssessmentCompletedV1(UUID.randomUUID(), id, externalId(), name, email, "v1", scores, "Builder",
                    areas, List.of(Goal.CAREER_ADVICE, Goal.NETWORKING),
                    new AssessmentCompletedV1.Preferences(Field.TECHNOLOGY, List.of(language), "Europe/Berlin", null),
                    Instant.now());
        }
    }
}
