package dev.sparks.notification.api;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The optional body of an answer sent as JSON. */
@Schema(name = "AnswerRequest")
public record AnswerRequest(
        @Schema(description = "Why the participant declines; ignored for an acceptance", maxLength = 1000,
                examples = "I have just changed roles and cannot commit the time")
        @Size(max = 1000, message = "must be at most 1000 characters") String reason) {
}
