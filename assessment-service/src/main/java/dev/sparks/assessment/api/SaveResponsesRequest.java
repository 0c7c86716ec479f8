package dev.sparks.assessment.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import dev.sparks.assessment.domain.MatchPreferences;
import java.io.IOException;
import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Some or all of a participant's responses. Answers merge into those already saved; goals and preferences, when
 * present, replace the saved ones. Item ids and values are checked against the assessment's own instrument version.
 */
@Schema(name = "SaveResponses")
public record SaveResponsesRequest(
        @Schema(description = "The instrument version the client shows; when given it must be the assessment's own.",
                examples = "2026.1")
        String version,
        @Schema(description = "Item id to scale value (1 = Never ... 5 = Always).",
                examples = "{\"fv-m-1\": 4, \"ac-l-1\": 2}")
        @JsonDeserialize(contentUsing = WholeNumber.class)
        Map<String, Integer> answers,
        @Size(max = 4, message = "choose at most 4 goals")
        @Schema(description = "What the participant wants from a mentor, most wanted first; 1 to 4 distinct goals.",
                examples = "[\"CAREER_ADVICE\", \"NETWORKING\"]")
        List<Goal> goals,
        @Valid
        PreferencesRequest preferences) {

    /** Replaces the saved preferences as a whole. */
    @Schema(name = "Preferences")
    public record PreferencesRequest(
            @Schema(examples = "TECHNOLOGY") Field field,
            @Size(max = 5, message = "choose at most 5 languages")
            @Schema(description = "ISO 639-1 codes from the instrument's options, most preferred first.",
                    examples = "[\"en\", \"de\"]")
            List<String> languages,
            @Schema(description = "IANA time zone id.", examples = "Europe/Berlin")
            String timeZone,
            @Size(max = 1000, message = "must be at most 1000 characters")
            @Schema(examples = "I would like to prepare for my first team lead role.")
            String notes) {

        MatchPreferences toDomain() {
            return new MatchPreferences(field, languages, timeZone, notes);
        }
    }

    MatchPreferences preferencesOrNull() {
        return preferences == null ? null : preferences.toDomain();
    }

    /** A scale point is a whole number: 4.5 or "4" is refused instead of being silently turned into 4. */
    static final class WholeNumber extends JsonDeserializer<Integer> {
        @Override
        public Integer deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
                return parser.getIntValue();
            }
            return (Integer) context.handleUnexpectedToken(Integer.class, parser);
        }
    }
}
