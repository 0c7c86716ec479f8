package dev.sparks.assessment.domain;

import java.util.List;

/** Answers that cannot be saved or scored against an instrument version, with every offending item. */
public class InvalidAnswersException extends IllegalArgumentException {

    private final String instrumentVersion;
    private final List<AnswerViolation> violations;

    public InvalidAnswersException(String instrumentVersion, List<AnswerViolation> violations, String summary) {
        super("Answers do not fit instrument " + instrumentVersion + ": " + summary);
        this.instrumentVersion = instrumentVersion;
        this.violations = List.copyOf(violations);
    }

    public String instrumentVersion() {
        return instrumentVersion;
    }

    public List<AnswerViolation> violations() {
        return violations;
    }
}
