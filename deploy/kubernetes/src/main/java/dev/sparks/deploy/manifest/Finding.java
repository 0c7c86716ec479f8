package dev.sparks.deploy.manifest;

/** One thing wrong with one rendered object: which object, which rule or schema, and what. */
public record Finding(String object, String check, String message) {

    @Override
    public String toString() {
        return object + ": [" + check + "] " + message;
    }
}
