package dev.sparks.matching.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.GrowthArea;
import dev.sparks.common.model.Trait;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ParticipantProfileTest {

    private static final UUID PARTICIPANT = UUID.fromString("11111111-1111-1111-1111-111111111111");

    @Test
    void takesWhatMatchingNeedsFromTheAssessment() {
        AssessmentCompletedV1 event = new AssessmentCompletedV1(UUID.randomUUID(), PARTICIPANT, "HR-42", "Pat",
                " Pat@Example.ORG ", "1.0", Map.of(Trait.SPEAK_UP, 30), "Builder",
                List.of(new GrowthArea(2, Trait.SPEAK_UP, 30, "b"), new GrowthArea(1, Trait.TAKE_INITIATIVE, 20, "a")),
                List.of(Goal.NETWORKING, Goal.CAREER_ADVICE, Goal.NETWORKING),
                new AssessmentCompletedV1.Preferences(Field.HEALTHCARE, List.of("EN", " fr", "en"), "Europe/Paris", "none"),
                Instant.parse("2026-01-01T00:00:00Z"));

        ParticipantProfile profile = ParticipantProfile.from(event);

        assertEquals(PARTICIPANT, profile.participantId());
        assertEquals("HR-42", profile.externalId());
        assertEquals("pat@example.org", profile.email());
        assertEquals(List.of(Trait.TAKE_INITIATIVE, Trait.SPEAK_UP),
                profile.growthAreas().stream().map(GrowthArea::trait).toList());
        assertEquals(List.of(Goal.NETWORKING, Goal.CAREER_ADVICE), profile.goals());
        assertEquals(Field.HEALTHCARE, profile.field());
        assertEquals(List.of("en", "fr"), profile.languages());
        assertEquals("Europe/Paris", profile.timeZone());
    }

    @Test
    void toleratesMissingPreferences() {
        AssessmentCompletedV1 event = new AssessmentCompletedV1(UUID.randomUUID(), PARTICIPANT, null, "Pat", null,
                "1.0", Map.of(), null, null, null, null, Instant.EPOCH);

        ParticipantProfile profile = ParticipantProfile.from(event);

        assertEquals(List.of(), profile.growthAreas());
        assertEquals(List.of(), profile.goals());
        assertEquals(List.of(), profile.languages());
        assertNull(profile.email());
        assertNull(profile.field());
        assertNull(profile.timeZone());
    }
}
