package dev.sparks.matching.api;

import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.model.MatchStatus;
import dev.sparks.matching.domain.Match;
import dev.sparks.matching.domain.MatchDetails;
import dev.sparks.matching.domain.Mentor;
import dev.sparks.matching.domain.Participant;
import java.time.Instant;
import java.util.UUID;

/**
 * A match as the API shows it.
 *
 * @param explanation the score's parts (points of maximum points) and the strongest reasons in plain sentences
 * @param policyVersion the matching policy that chose this mentor
 * @param overrideReason set when a program-admin matched despite a hard rule
 */
public record MatchView(UUID id, Person participant, Person mentor, MatchStatus status, double score,
        MatchProposedV1.Explanation explanation, long policyVersion, String overrideReason, String createdBy,
        Instant proposedAt, Instant expiresAt, Instant invitedAt, Instant respondedAt, Instant endedAt,
        Instant statusChangedAt, String statusReason, String declineReason) {

    public record Person(UUID id, String name, String email) {
    }

    static MatchView of(MatchDetails details) {
        Match match = details.match();
        Participant participant = details.participant();
        Mentor mentor = details.mentor();
        return new MatchView(match.id,
                new Person(match.participantId, participant == null ? null : participant.name,
                        participant == null ? null : participant.email),
                new Person(match.mentorId, mentor == null ? null : mentor.name, mentor == null ? null : mentor.email),
                match.status, match.score.doubleValue(), match.explanation, match.policyVersion, match.overrideReason,
                match.createdBy, match.proposedAt, match.expiresAt, match.invitedAt, match.respondedAt, match.endedAt,
                match.statusChangedAt, match.statusReason, match.declineReason);
    }
}
