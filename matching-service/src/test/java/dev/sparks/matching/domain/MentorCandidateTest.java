package dev.sparks.matching.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.sparks.common.events.MentorProfileChangedV1;
import dev.sparks.common.model.Availability;
import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.Trait;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MentorCandidateTest {

    private static final UUID MENTOR = UUID.fromString("22222222-2222-2222-2222-222222222222");

    private static MentorProfileChangedV1 profile(Availability availability, boolean retired) {
        return new MentorProfileChangedV1(MENTOR, "M-7", "Morgan", "Morgan@Example.org", Field.EDUCATION, "senior",
                List.of("DE", "en"), "Europe/Berlin", "bio",
                Map.of(Trait.SPEAK_UP, 5, Trait.TAKE_INITIATIVE, 9, Trait.STAY_COMPOSED, 0),
                List.of(Goal.RESUME_HELP, Goal.NETWORKING), 4, availability, null, retired,
                List.of("HR-42", "Someone@Example.org"), 3, Instant.EPOCH);
    }

    @Test
    void takesWhatMatchingNeedsFromTheProfile() {
        MentorCandidate mentor = MentorCandidate.from(profile(Availability.ACCEPTING, false), 2);

        assertEquals(MENTOR, mentor.mentorId());
        assertEquals("morgan@example.org", mentor.email());
        assertEquals(List.of("de", "en"), mentor.languages());
        assertEquals(Set.of(Goal.RESUME_HELP, Goal.NETWORKING), mentor.offerings());
        assertEquals(Set.of("HR-42", "someone@example.org"), mentor.exclusions());
        assertEquals(4, mentor.capacity());
        assertEquals(2, mentor.reserved());
        assertTrue(mentor.accepting());
        assertTrue(mentor.hasFreeCapacity());
        assertEquals(0.5, mentor.utilisation());
    }

    @Test
    void strengthsDefaultToOneAndAreClampedToOneToFive() {
        Strengths strengths = MentorCandidate.from(profile(Availability.ACCEPTING, false), 0).strengths();

        assertEquals(5, strengths.level(Trait.SPEAK_UP));
        assertEquals(5, strengths.level(Trait.TAKE_INITIATIVE));
        assertEquals(1, strengths.level(Trait.STAY_COMPOSED));
        assertEquals(1, strengths.level(Trait.MODEL_LEADERSHIP));
    }

    @Test
    void acceptsOnlyWhenAcceptingAndNotRetired() {
        assertFalse(MentorCandidate.from(profile(Availability.PAUSED, false), 0).accepting());
        assertFalse(MentorCandidate.from(profile(Availability.RETIRED, false), 0).accepting());
        assertFalse(MentorCandidate.from(profile(Availability.ACCEPTING, true), 0).accepting());
    }

    @Test
    void aMentorWithoutCapacityCountsAsFull() {
        MentorCandidate mentor = MentorCandidate.from(profile(Availability.ACCEPTING, false), 0).withReserved(5);
        assertFalse(mentor.hasFreeCapacity());
        assertEquals(1.0, mentor.utilisation());
    }
}
