package dev.sparks.assessment.domain;

import java.util.List;

/** The instrument resources are broken; the service must not start with them. */
public class InvalidInstrumentException extends IllegalStateException {

    private final List<String> problems;

    public InvalidInstrumentException(String source, List<String> problems) {
        super(source + " is not a valid instrument: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public InvalidInstrumentException(String source, Throwable cause) {
        super(source + " could not be read: " + cause.getMessage(), cause);
        this.problems = List.of(cause.getMessage());
    }

    public List<String> problems() {
        return problems;
    }
}
