package dev.sparks.matching.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** Request bodies of the match endpoints. */
public final class MatchRequests {

    private MatchRequests() {
    }

    /** Why the participant declines; shown to program-admins, never to the mentor. */
    public record Decline(@NotBlank @Size(max = 2000) String reason) {
    }

    public record End(@Size(max = 2000) String reason) {
    }

    /**
     * A manual match. Without {@code override} the hard rules apply; with it they are set aside (never capacity)
     * and the reason is recorded on the match.
     */
    public record Manual(@NotNull UUID participantId, @NotNull UUID mentorId, @Valid Override override) {
    }

    public record Override(@NotBlank @Size(max = 2000) String reason) {
    }
}
