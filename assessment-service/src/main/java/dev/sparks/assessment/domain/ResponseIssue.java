package dev.sparks.assessment.domain;

/**
 * One thing wrong with, or missing from, a participant's responses.
 *
 * @param field the path in the request body, e.g. {@code answers.fv-m-1} or {@code preferences.timeZone}
 */
public record ResponseIssue(String field, String message) {
}
