package dev.sparks.matching.domain;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of ranking the mentors for one participant.
 *
 * @param shortlist eligible mentors, best first; the service proposes the first and, when a
 *     capacity race is lost, the next
 * @param candidates how many mentors were considered
 * @param eligible how many passed every hard rule and the minimum score (may exceed the shortlist)
 * @param noMatchReason present exactly when the shortlist is empty
 */
public record MatchDecision(
        List<RankedMentor> shortlist,
        int candidates,
        int eligible,
        Optional<NoMatchReason> noMatchReason) {

    public MatchDecision {
        shortlist = List.copyOf(shortlist);
    }

    public boolean matched() {
        return !shortlist.isEmpty();
    }

    public Optional<RankedMentor> best() {
        return shortlist.isEmpty() ? Optional.empty() : Optional.of(shortlist.get(0));
    }
}
