package dev.sparks.matching.api;

import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.model.MatchStatus;
import dev.sparks.matching.domain.Match;
import dev.sparks.matching.domain.MatchDetails;
import dev.sparks.matching.domain.Mentor;
import dev.sparks.matching.domain.Participant;
import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A match as the API shows it.
 *
 * @param explanation the score's parts (points of maximum points) and the strongest reasons in plain sentences
 * @param policyVersion the matching policy that chose this mentor
 * @param overrideReason set when a program-admin matched despite a hard rule
 */
public record MatchView(
        @Schema(examples = "c2a7e915-4d8b-4b3f-8e6a-1f0d9b7c5e24") UUID id,
        Person participant,
        Person mentor,
        @Schema(examples = "INVITED") MatchStatus status,
        @Schema(description = "Compatibility, 0-100", examples = "78.5") double score,
        MatchProposedV1.Explanation explanation,
        @Schema(examples = "4") long policyVersion,
        @Schema(examples = "Agreed with both; the shared language is informal") String overrideReason,
        @Schema(description = "Who made a manual match; absent when matching chose the mentor", examples = "priya")
        String createdBy,
        Instant proposedAt, Instant expiresAt, Instant invitedAt, Instant respondedAt, Instant endedAt,
        Instant statusChangedAt,
        @Schema(description = "Why the status last changed", examples = "invitation sent") String statusReason,
        @Schema(examples = "Our time zones are too far apart") String declineReason) {

    public record Person(
            @Schema(examples = "3f1c2a9e-8b7d-4c6e-9a51-0d2b7e4f6a10") UUID id,
            @Schema(examples = "Ada Lovelace") String name,
            @Schema(examples = "ada@sparks.test") String email) {
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
