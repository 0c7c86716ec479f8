package dev.sparks.matching.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request bodies of the match endpoints. */
public final class MatchRequests {

    private MatchRequests() {
    }

    /** Why the participant declines; shown to program-admins, never to the mentor. */
    public record Decline(
            @NotBlank @Size(max = 2000) @Schema(examples = "Our time zones are too far apart") String reason) {
    }

    public record End(@Size(max = 2000) @Schema(examples = "The mentorship reached its goals") String reason) {
    }

    /**
     * A manual match. Without {@code override} the hard rules apply; with it they are set aside (never capacity)
     * and the reason is recorded on the match.
     */
    public record Manual(@NotNull @Schema(examples = "3f1c2a9e-8b7d-4c6e-9a51-0d2b7e4f6a10") UUID participantId,
            @NotNull @Schema(examples = "7b0c6d1e-2f3a-4b5c-8d9e-0a1b2c3d4e5f") UUID mentorId, @Valid Override override) {
    }

    public record Override(
            @NotBlank @Size(max = 2000) @Schema(examples = "Agreed with both; the shared language is informal")
            String reason) {
    }
}
