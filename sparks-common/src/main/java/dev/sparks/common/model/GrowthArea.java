package dev.sparks.common.model;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One of the ranked things a participant most needs to develop (rank 1 first),
 * with the score that made it one and a one-sentence reason.
 */
public record GrowthArea(
        @Schema(description = "1 is the most needed", examples = "1") int rank,
        @Schema(examples = "APPROACH_TO_CHANGE_LEADERSHIP") Trait trait,
        @Schema(description = "The trait's score, 0-100", examples = "42") int score,
        @Schema(examples = "Your score for driving change and challenging the status quo (42) is your lowest score, "
                + "and the management side of Approach to change is much stronger (75).") String reason) {
}
