package dev.sparks.mentor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.common.model.Availability;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.Trait;
import dev.sparks.common.problem.Problem.FieldError;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class ProfileNormaliserTest {

    static final LocalDate TODAY = LocalDate.of(2030, 1, 15);

    static ProfileDraft draft() {
        return new ProfileDraft("HR-1", "  Maya   Lindqvist ", " Maya@Sparks.TEST ", "technology", " Director ",
                List.of("EN", "sv", "en"), "Europe/Stockholm", "  ", Map.of("speak_up", 4), List.of("NETWORKING",
                        "career_advice", "NETWORKING"), 3, null, null, List.of("Report@X.test", "HR-2", "hr-2"));
    }

    @Test
    void normalisesCaseSpacingOrderAndRepeats() {
        ProfileNormaliser.Result result = ProfileNormaliser.normalise(draft(), TODAY);
        assertThat(result.errors()).isEmpty();
        MentorProfile profile = result.profile();
        assertThat(profile.name()).isEqualTo("Maya Lindqvist");
        assertThat(profile.email()).isEqualTo("maya@sparks.test");
        assertThat(profile.seniority()).isEqualTo("Director");
        assertThat(profile.bio()).isNull();
        assertThat(profile.languages()).containsExactly("en", "sv");
        assertThat(profile.offerings()).containsExactly(Goal.CAREER_ADVICE, Goal.NETWORKING);
        assertThat(profile.exclusions()).containsExactly("hr-2", "report@x.test");
        assertThat(profile.strengths()).hasSize(18).containsEntry(Trait.SPEAK_UP, 4)
                .containsEntry(Trait.FOCUS_AND_VISION_MANAGEMENT, 1);
        assertThat(profile.availability()).isNull();
    }

    @Test
    void namesEveryWrongField() {
        ProfileDraft bad = new ProfileDraft(" ", null, "nope", "SPACE", null, List.of("english"), "CET+1", null,
                Map.of("CHARISMA", 3, "SPEAK_UP", 6), List.of("MONEY"), 0, "RETIRED", "2030-01-15", List.of(" "));
        assertThat(ProfileNormaliser.normalise(bad, TODAY).errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("externalId", "name", "email", "field", "languages[0]", "timeZone",
                        "strengths.CHARISMA", "strengths.SPEAK_UP", "offerings[0]", "capacity", "availability",
                        "pausedUntil", "exclusions[0]");
    }

    @Test
    void aPauseMustEndAfterToday() {
        ProfileDraft paused = draft().withAvailability("PAUSED", "2030-01-16");
        assertThat(ProfileNormaliser.normalise(paused, TODAY).profile().pausedUntil())
                .isEqualTo(LocalDate.of(2030, 1, 16));
        assertThat(ProfileNormaliser.normalise(draft().withAvailability("PAUSED", "2030-01-15"), TODAY).errors())
                .extracting(FieldError::field).containsExactly("pausedUntil");
        assertThat(ProfileNormaliser.normalise(draft().withAvailability("ACCEPTING", "2030-02-01"), TODAY).errors())
                .extracting(FieldError::field).containsExactly("pausedUntil");
        assertThat(ProfileNormaliser.normalise(draft().withAvailability("PAUSED", null), TODAY).profile()
                .availability()).isEqualTo(Availability.PAUSED);
    }

    @Property
    void capacityOutsideOneToTenIsRefused(@ForAll @IntRange(min = -50, max = 60) int capacity) {
        ProfileDraft draft = draft();
        ProfileDraft withCapacity = new ProfileDraft(draft.externalId(), draft.name(), draft.email(), draft.field(),
                draft.seniority(), draft.languages(), draft.timeZone(), draft.bio(), draft.strengths(),
                draft.offerings(), capacity, null, null, draft.exclusions());
        boolean valid = ProfileNormaliser.normalise(withCapacity, TODAY).valid();
        assertThat(valid).isEqualTo(capacity >= 1 && capacity <= 10);
    }

    @Test
    void aStoredProfileReadBackIsUnchangedAndAnyEditIsAnUpdate() {
        MentorProfile profile = ProfileNormaliser.normalise(draft(), TODAY).profile().resolvedAgainst(null);
        Mentor stored = Mentor.create(profile, java.time.Instant.EPOCH);
        MentorProfile again = ProfileNormaliser.normalise(ProfileDraft.of(stored.profile()), TODAY).profile()
                .resolvedAgainst(stored.profile());
        assertThat(ProfileChange.of(stored.profile(), again)).isEqualTo(ProfileChange.UNCHANGED);
        assertThat(ProfileChange.of(null, again)).isEqualTo(ProfileChange.CREATED);
        MentorProfile paused = again.withAvailability(Availability.PAUSED, null);
        assertThat(ProfileChange.of(stored.profile(), paused)).isEqualTo(ProfileChange.UPDATED);
        // Strength order in the input does not matter; a different level does.
        ProfileDraft reordered = new ProfileDraft("HR-1", "Maya Lindqvist", "maya@sparks.test", "TECHNOLOGY",
                "Director", List.of("en", "sv"), "Europe/Stockholm", null,
                Map.of("SPEAK_UP", 4, "TAKE_INITIATIVE", 1), List.of("CAREER_ADVICE", "NETWORKING"), 3, null, null,
                List.of("report@x.test", "hr-2"));
        MentorProfile same = ProfileNormaliser.normalise(reordered, TODAY).profile().resolvedAgainst(stored.profile());
        assertThat(ProfileChange.of(stored.profile(), same)).isEqualTo(ProfileChange.UNCHANGED);
    }

    @Test
    void onlyAnExplicitAvailabilityEditsARetiredMentor() {
        MentorProfile profile = ProfileNormaliser.normalise(draft(), TODAY).profile();
        MentorProfile retired = profile.resolvedAgainst(null).withAvailability(Availability.RETIRED, null);
        assertThat(ProfileChange.refusedForRetired(retired, profile)).isTrue();
        assertThat(ProfileChange.refusedForRetired(retired, profile.withAvailability(Availability.ACCEPTING, null)))
                .isFalse();
        assertThat(profile.resolvedAgainst(retired).availability()).isEqualTo(Availability.RETIRED);
    }
}
