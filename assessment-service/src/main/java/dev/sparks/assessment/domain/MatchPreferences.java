package dev.sparks.assessment.domain;

import dev.sparks.common.model.Field;
import java.util.List;

/**
 * What a match must respect besides growth. Any part may be missing while the assessment is in progress;
 * {@link ResponseRules#missingForCompletion} says which parts completion needs.
 *
 * @param languages ISO 639-1 codes, most preferred first
 * @param timeZone an IANA zone id such as {@code Europe/Berlin}
 */
public record MatchPreferences(Field field, List<String> languages, String timeZone, String notes) {

    public MatchPreferences {
        languages = languages == null ? List.of() : List.copyOf(languages);
    }
}
