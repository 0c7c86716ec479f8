package dev.sparks.mentor.api;

import dev.sparks.common.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

/** The mentor's version as a strong ETag ({@code "3"}) and back from If-Match (a weak {@code W/"3"} is accepted). */
final class ETags {

    private ETags() {
    }

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version If-Match names, or null when there is no If-Match or it is {@code *}. */
    static Long expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Long.parseLong(tag);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("If-Match", "must be one ETag of this API, such as \"3\"");
        }
    }
}
