package dev.sparks.matching.domain;

/** A match with both people, as the API shows it. */
public record MatchDetails(Match match, Participant participant, Mentor mentor) {
}
