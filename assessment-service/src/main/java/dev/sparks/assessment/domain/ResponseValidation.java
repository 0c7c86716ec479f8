package dev.sparks.assessment.domain;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How a set of answers (item id to scale value) fits an instrument version.
 * A partial save only needs {@link #acceptableAsPartial()}: every id known and every value on the scale.
 * Scoring also needs {@link #complete()}: nothing left unanswered.
 *
 * @param unknownItemIds ids the version does not have, sorted
 * @param outOfRangeItemIds items whose value is missing or off the scale, in presentation order
 * @param unansweredItemIds items with no answer, in presentation order
 */
public record ResponseValidation(
        String instrumentVersion,
        int scaleMin,
        int scaleMax,
        List<String> unknownItemIds,
        List<String> outOfRangeItemIds,
        List<String> unansweredItemIds) {

    public ResponseValidation {
        unknownItemIds = List.copyOf(unknownItemIds);
        outOfRangeItemIds = List.copyOf(outOfRangeItemIds);
        unansweredItemIds = List.copyOf(unansweredItemIds);
    }

    public static ResponseValidation of(Instrument instrument, Map<String, Integer> answers) {
        Objects.requireNonNull(answers, "answers");
        Instrument.Scale scale = instrument.scale();
        Set<String> known = instrument.items().stream().map(Instrument.Item::id).collect(Collectors.toSet());
        List<String> unknown = answers.keySet().stream()
                .filter(id -> !known.contains(id))
                .map(String::valueOf)
                .sorted()
                .toList();
        List<String> outOfRange = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        for (Instrument.Item item : instrument.items()) {
            if (!answers.containsKey(item.id())) {
                unanswered.add(item.id());
            } else {
                Integer value = answers.get(item.id());
                if (value == null || !scale.contains(value)) {
                    outOfRange.add(item.id());
                }
            }
        }
        return new ResponseValidation(instrument.version(), scale.min(), scale.max(), unknown, outOfRange, unanswered);
    }

    /** Fine to store as work in progress: no unknown items, no values off the scale. */
    public boolean acceptableAsPartial() {
        return unknownItemIds.isEmpty() && outOfRangeItemIds.isEmpty();
    }

    /** Fine to score: acceptable, and every item answered. */
    public boolean complete() {
        return acceptableAsPartial() && unansweredItemIds.isEmpty();
    }

    /** @throws InvalidAnswersException naming unknown items and values off the scale */
    public ResponseValidation requireAcceptableAsPartial() {
        if (!acceptableAsPartial()) {
            throw failure(false);
        }
        return this;
    }

    /** @throws InvalidAnswersException naming unknown items, values off the scale and unanswered items */
    public ResponseValidation requireComplete() {
        if (!complete()) {
            throw failure(true);
        }
        return this;
    }

    /** Every violation: unknown items, then values off the scale, then unanswered items. */
    public List<AnswerViolation> violations() {
        return violations(true);
    }

    private List<AnswerViolation> violations(boolean includeUnanswered) {
        List<AnswerViolation> violations = new ArrayList<>();
        unknownItemIds.forEach(id -> violations.add(new AnswerViolation(id, AnswerViolation.Kind.UNKNOWN_ITEM,
                "instrument " + instrumentVersion + " has no item " + id)));
        outOfRangeItemIds.forEach(id -> violations.add(new AnswerViolation(id, AnswerViolation.Kind.VALUE_OUT_OF_RANGE,
                "the answer must be a whole number from " + scaleMin + " to " + scaleMax)));
        if (includeUnanswered) {
            unansweredItemIds.forEach(id -> violations.add(new AnswerViolation(id, AnswerViolation.Kind.UNANSWERED,
                    "not answered yet")));
        }
        return violations;
    }

    private InvalidAnswersException failure(boolean includeUnanswered) {
        List<String> parts = new ArrayList<>();
        if (!unknownItemIds.isEmpty()) {
            parts.add("unknown item ids " + unknownItemIds);
        }
        if (!outOfRangeItemIds.isEmpty()) {
            parts.add("values outside " + scaleMin + ".." + scaleMax + " for item ids " + outOfRangeItemIds);
        }
        if (includeUnanswered && !unansweredItemIds.isEmpty()) {
            parts.add("unanswered item ids " + unansweredItemIds);
        }
        return new InvalidAnswersException(instrumentVersion, violations(includeUnanswered), String.join("; ", parts));
    }
}
