package dev.sparks.assessment.domain;

/** One thing wrong with one answer, named by item id so a client can point at the question. */
public record AnswerViolation(String itemId, Kind kind, String message) {

    public enum Kind {
        /** The instrument version has no item with this id. */
        UNKNOWN_ITEM,
        /** The value is missing or outside the scale. */
        VALUE_OUT_OF_RANGE,
        /** The item has no answer yet; only a completed assessment requires one. */
        UNANSWERED
    }
}
