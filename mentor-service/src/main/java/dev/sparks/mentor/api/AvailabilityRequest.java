package dev.sparks.mentor.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A mentor pausing or resuming themselves. */
public record AvailabilityRequest(
        @NotNull @Pattern(regexp = "ACCEPTING|PAUSED", message = "must be ACCEPTING or PAUSED")
        @Schema(enumeration = {"ACCEPTING", "PAUSED"}, examples = "PAUSED")
        String availability,
        @Schema(description = "Only with PAUSED, optional: the date (UTC) from which you accept again; after today",
                examples = "2030-09-01")
        LocalDate pausedUntil) {
}
