package dev.sparks.matching.domain;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The hard rules for one participant, prepared once per decision and then checked per mentor.
 */
public final class Eligibility {

    private final String externalId;
    private final String email;
    private final String[] languages;
    private final Set<UUID> declinedOrExpired;

    private Eligibility(ParticipantProfile participant, Set<UUID> declinedOrExpired) {
        this.externalId = participant.externalId();
        this.email = participant.email();
        this.languages = participant.languages().toArray(String[]::new);
        this.declinedOrExpired = declinedOrExpired == null ? Set.of() : declinedOrExpired;
    }

    /**
     * @param declinedOrExpired mentors whose earlier match with this participant was declined or expired
     */
    public static Eligibility of(ParticipantProfile participant, Set<UUID> declinedOrExpired) {
        return new Eligibility(Objects.requireNonNull(participant, "participant"), declinedOrExpired);
    }

    /** The first rule the mentor breaks, in {@link HardRule} order, or empty when eligible. */
    public Optional<HardRule> firstViolated(MentorCandidate mentor) {
        return Optional.ofNullable(firstViolatedOrNull(mentor));
    }

    public boolean isEligible(MentorCandidate mentor) {
        return firstViolatedOrNull(mentor) == null;
    }

    /** Allocation-free form for the ranking loop. */
    HardRule firstViolatedOrNull(MentorCandidate mentor) {
        if (!sharesLanguage(mentor.languages())) {
            return HardRule.NO_COMMON_LANGUAGE;
        }
        if (!mentor.accepting()) {
            return HardRule.NOT_ACCEPTING;
        }
        if (mentor.reserved() >= mentor.capacity()) {
            return HardRule.NO_FREE_CAPACITY;
        }
        Set<String> exclusions = mentor.exclusions();
        if (!exclusions.isEmpty()
                && ((externalId != null && exclusions.contains(externalId))
                        || (email != null && exclusions.contains(email)))) {
            return HardRule.EXCLUDED;
        }
        if (!declinedOrExpired.isEmpty() && declinedOrExpired.contains(mentor.mentorId())) {
            return HardRule.PREVIOUSLY_DECLINED_OR_EXPIRED;
        }
        if (email != null && email.equals(mentor.email())) {
            return HardRule.SELF;
        }
        return null;
    }

    private boolean sharesLanguage(List<String> mentorLanguages) {
        for (int i = 0, n = mentorLanguages.size(); i < n; i++) {
            String language = mentorLanguages.get(i);
            for (String own : languages) {
                if (own.equals(language)) {
                    return true;
                }
            }
        }
        return false;
    }
}
