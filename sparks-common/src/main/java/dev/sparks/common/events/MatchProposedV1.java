package dev.sparks.common.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * {@code match.proposed.v1} on {@link Topics#MATCHES}, keyed by match id: a mentor was chosen for a participant
 * and one unit of the mentor's capacity is held until the participant answers or the proposal expires.
 * Carries what the invitation email shows, so notification-service needs no other source.
 *
 * @param assessmentCompletedAt when the participant completed the assessment this match answers (null when not
 *     known): notification-service measures the time from completion to the invitation email with it
 */
public record MatchProposedV1(
        UUID matchId,
        UUID participantId,
        String participantName,
        String participantEmail,
        UUID mentorId,
        String mentorName,
        String mentorEmail,
        String mentorBio,
        double score,
        Explanation explanation,
        long policyVersion,
        Instant proposedAt,
        Instant expiresAt,
        Instant assessmentCompletedAt) {

    public static final String TYPE = "match.proposed.v1";

    /**
     * Why this mentor: the score's parts and the strongest reasons in plain sentences, best first.
     */
    public record Explanation(List<ScorePart> parts,
            @Schema(examples = "[\"Strong in driving change and challenging the status quo, your top growth area.\", "
                    + "\"Offers career advice, your first goal.\"]") List<String> reasons) {
    }

    /** One part of the score, e.g. growth fit 42.5 of 60. */
    public record ScorePart(
            @Schema(description = "growth fit, goal coverage, language, time zone or field", examples = "growth fit")
            String name,
            @Schema(examples = "42.5") double points,
            @Schema(examples = "60") double maxPoints) {
    }
}
