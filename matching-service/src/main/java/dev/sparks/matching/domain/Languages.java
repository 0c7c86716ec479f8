package dev.sparks.matching.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** ISO 639-1 language codes as matching compares and shows them. */
final class Languages {

    private Languages() {
    }

    /** Lower-cased, trimmed, blanks and repeats dropped, order (= preference) kept. */
    static List<String> normalise(Collection<String> codes) {
        if (codes == null || codes.isEmpty()) {
            return List.of();
        }
        List<String> normalised = new ArrayList<>(codes.size());
        for (String code : codes) {
            if (code == null || code.isBlank()) {
                continue;
            }
            // Interned: codes repeat across thousands of mentors, and equal references compare fastest.
            String lower = code.strip().toLowerCase(Locale.ROOT).intern();
            if (!normalised.contains(lower)) {
                normalised.add(lower);
            }
        }
        return List.copyOf(normalised);
    }

    /** "en" becomes "English"; an unknown code is shown as given. */
    static String displayName(String code) {
        String name = Locale.forLanguageTag(code).getDisplayLanguage(Locale.ENGLISH);
        return name.isEmpty() ? code : name;
    }
}
