package dev.sparks.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ResponseValidationTest {

    private static final Instrument V1 = AnswerSets.V1;

    @Provide
    Arbitrary<Map<String, Integer>> partial() {
        return AnswerSets.complete(V1).flatMap(all -> Arbitraries.subsetOf(all.keySet()).map(kept -> {
            Map<String, Integer> answers = new LinkedHashMap<>(all);
            answers.keySet().retainAll(kept);
            return answers;
        }));
    }

    @Property
    void aValidPartialSaveListsExactlyTheUnansweredItemsInPresentationOrder(
            @ForAll("partial") Map<String, Integer> answers) {
        ResponseValidation validation = ResponseValidation.of(V1, answers);

        assertTrue(validation.acceptableAsPartial());
        List<String> expected = V1.items().stream().map(Instrument.Item::id)
                .filter(id -> !answers.containsKey(id)).toList();
        assertEquals(expected, validation.unansweredItemIds());
        assertEquals(expected.isEmpty(), validation.complete());
    }

    @Example
    void unknownIdsAndValuesOffTheScaleAreNamed() {
        String second = V1.items().get(1).id();
        String fifth = V1.items().get(4).id();
        String sixth = V1.items().get(5).id();
        Map<String, Integer> answers = new HashMap<>();
        answers.put(V1.items().get(0).id(), 3);
        answers.put(fifth, 0);
        answers.put(second, 6);
        answers.put(sixth, null);
        answers.put("zz-9", 3);
        answers.put("aa-1", 2);

        ResponseValidation validation = ResponseValidation.of(V1, answers);

        assertFalse(validation.acceptableAsPartial());
        assertEquals(List.of("aa-1", "zz-9"), validation.unknownItemIds());
        assertEquals(List.of(second, fifth, sixth), validation.outOfRangeItemIds());
        assertEquals(V1.items().size() - 4, validation.unansweredItemIds().size());

        InvalidAnswersException e = assertThrows(InvalidAnswersException.class,
                validation::requireAcceptableAsPartial);
        assertEquals("Answers do not fit instrument 2026.1: unknown item ids [aa-1, zz-9]; values outside 1..5 "
                + "for item ids [" + second + ", " + fifth + ", " + sixth + "]", e.getMessage());
        assertEquals(5, e.violations().size(), "a partial save does not complain about unanswered items");
        assertEquals(Set.of(AnswerViolation.Kind.UNKNOWN_ITEM, AnswerViolation.Kind.VALUE_OUT_OF_RANGE),
                Set.copyOf(e.violations().stream().map(AnswerViolation::kind).toList()));
    }

    @Example
    void completionAlsoNamesTheUnansweredItems() {
        Map<String, Integer> answers = AnswerSets.all(V1, 2);
        String missing = V1.items().get(7).id();
        answers.remove(missing);
        answers.put("nope", 1);

        InvalidAnswersException e = assertThrows(InvalidAnswersException.class,
                () -> ResponseValidation.of(V1, answers).requireComplete());

        assertEquals(List.of(
                new AnswerViolation("nope", AnswerViolation.Kind.UNKNOWN_ITEM, "instrument 2026.1 has no item nope"),
                new AnswerViolation(missing, AnswerViolation.Kind.UNANSWERED, "not answered yet")), e.violations());
        assertTrue(e.getMessage().endsWith("unknown item ids [nope]; unanswered item ids [" + missing + "]"));
    }

    @Example
    void anEmptySaveIsAcceptableButIncomplete() {
        ResponseValidation validation = ResponseValidation.of(V1, Map.of()).requireAcceptableAsPartial();

        assertFalse(validation.complete());
        assertEquals(V1.items().size(), validation.unansweredItemIds().size());
        assertEquals(V1.items().get(0).id(), validation.unansweredItemIds().get(0));
    }
}
