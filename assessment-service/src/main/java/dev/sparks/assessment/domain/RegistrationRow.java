package dev.sparks.assessment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One participant as an HR system sends it, normalised: trimmed, blanks as null, email in lower case.
 * {@link #problems()} says why a row cannot be stored, with field names as the request spells them.
 */
public record RegistrationRow(String externalId, String name, String email, String department,
        String managerExternalId) {

    public static final int MAX_ID_LENGTH = 100;
    public static final int MAX_NAME_LENGTH = 200;
    public static final int MAX_EMAIL_LENGTH = 320;
    /** Deliberately loose: one @, something on both sides, a dot in the domain. The HR system owns the address. */
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    public static RegistrationRow normalised(String externalId, String name, String email, String department,
            String managerExternalId) {
        String cleanEmail = clean(email);
        return new RegistrationRow(clean(externalId), clean(name),
                cleanEmail == null ? null : cleanEmail.toLowerCase(Locale.ROOT), clean(department),
                clean(managerExternalId));
    }

    public List<ResponseIssue> problems() {
        List<ResponseIssue> problems = new ArrayList<>();
        required("externalId", externalId, MAX_ID_LENGTH, problems);
        required("name", name, MAX_NAME_LENGTH, problems);
        required("email", email, MAX_EMAIL_LENGTH, problems);
        if (email != null && !EMAIL.matcher(email).matches()) {
            problems.add(new ResponseIssue("email", "is not an email address"));
        }
        tooLong("department", department, MAX_NAME_LENGTH, problems);
        tooLong("managerExternalId", managerExternalId, MAX_ID_LENGTH, problems);
        if (managerExternalId != null && managerExternalId.equals(externalId)) {
            problems.add(new ResponseIssue("managerExternalId", "a participant cannot be their own manager"));
        }
        return problems;
    }

    private static void required(String field, String value, int maxLength, List<ResponseIssue> problems) {
        if (value == null) {
            problems.add(new ResponseIssue(field, "is required"));
        }
        tooLong(field, value, maxLength, problems);
    }

    private static void tooLong(String field, String value, int maxLength, List<ResponseIssue> problems) {
        if (value != null && value.length() > maxLength) {
            problems.add(new ResponseIssue(field, "must be at most " + maxLength + " characters"));
        }
    }

    private static String clean(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return value.trim();
    }
}
