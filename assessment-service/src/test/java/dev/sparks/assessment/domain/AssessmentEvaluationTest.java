package dev.sparks.assessment.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class AssessmentEvaluationTest {

    private static final Instrument V1 = AnswerSets.V1;

    @Provide
    Arbitrary<Map<String, Integer>> complete() {
        return AnswerSets.complete(V1);
    }

    @Property
    void theSameAnswersAndVersionGiveTheSameResult(@ForAll("complete") Map<String, Integer> answers) {
        List<String> reversedIds = new ArrayList<>(answers.keySet());
        Collections.reverse(reversedIds);
        Map<String, Integer> reordered = new LinkedHashMap<>();
        reversedIds.forEach(id -> reordered.put(id, answers.get(id)));

        AssessmentResult first = AssessmentEvaluation.evaluate(V1, answers);

        assertEquals(first, AssessmentEvaluation.evaluate(V1, new HashMap<>(answers)));
        assertEquals(first, AssessmentEvaluation.evaluate(V1, new TreeMap<>(answers)));
        assertEquals(first, AssessmentEvaluation.evaluate(V1, reordered));
        assertEquals(first, AssessmentEvaluation.evaluate(InstrumentCatalog.load("instrument").current(), answers));
        assertEquals("2026.1", first.instrumentVersion());
    }

    @Example
    void keyedTopAnswersEverywhereMakeAnIntegratorWithNoRisks() {
        Map<String, Integer> answers = new LinkedHashMap<>();
        V1.items().forEach(item -> answers.put(item.id(), item.reverseKeyed() ? 1 : 5));

        AssessmentResult result = AssessmentEvaluation.evaluate(V1, answers);

        assertEquals(Scores.uniform(100), result.scores());
        assertEquals(Archetype.INTEGRATOR, result.profile().archetype());
        assertEquals(List.of(), result.profile().risks());
        assertEquals(5, result.growthAreas().size());
    }

    @Example
    void keyedBottomAnswersEverywhereAreEmerging() {
        Map<String, Integer> answers = new LinkedHashMap<>();
        V1.items().forEach(item -> answers.put(item.id(), item.reverseKeyed() ? 5 : 1));

        AssessmentResult result = AssessmentEvaluation.evaluate(V1, answers);

        assertEquals(Scores.uniform(0), result.scores());
        assertEquals(Archetype.EMERGING, result.profile().archetype());
    }
}
