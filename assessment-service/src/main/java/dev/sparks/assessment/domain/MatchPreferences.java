package dev.sparks.assessment.domain;

import dev.sparks.common.model.Field;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a match must respect besides growth. Any part may be missing while the assessment is in progress;
 * {@link ResponseRules#missingForCompletion} says which parts completion needs.
 *
 * @param languages ISO 639-1 codes, most preferred first
 * @param timeZone an IANA zone id such as {@code Europe/Berlin}
 */
public record MatchPreferences(
        @Schema(examples = "TECHNOLOGY") Field field,
        @Schema(examples = "[\"en\", \"de\"]") List<String> languages,
        @Schema(examples = "Europe/Berlin") String timeZone,
        @Schema(examples = "I would like to prepare for my first team lead role.") String notes) {

    public MatchPreferences {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }
}
