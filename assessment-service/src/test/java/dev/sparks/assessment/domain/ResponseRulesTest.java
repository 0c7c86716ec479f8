package dev.sparks.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResponseRulesTest {

    private static final Instrument V1 = AnswerSets.V1;
    private static final MatchPreferences COMPLETE_PREFERENCES =
            new MatchPreferences(Field.BUSINESS, List.of("en"), "Europe/Berlin", null);

    @Test
    void partialValidSaveHasNoIssues() {
        assertThat(ResponseRules.invalidOnSave(V1, Map.of("fv-m-1", 1, "ac-l-1", 5), List.of(Goal.NETWORKING),
                new MatchPreferences(null, List.of(), null, null))).isEmpty();
        assertThat(ResponseRules.invalidOnSave(V1, null, null, null)).isEmpty();
    }

    @Test
    void saveNamesEachBadAnswerButNotTheUnansweredOnes() {
        assertThat(ResponseRules.invalidOnSave(V1, Map.of("nope", 3, "fv-m-1", 0, "ac-l-1", 6), null, null))
                .extracting(ResponseIssue::field)
                .containsExactly("answers.nope", "answers.fv-m-1", "answers.ac-l-1");
    }

    @Test
    void saveChecksChoicesAgainstTheInstrument() {
        List<ResponseIssue> issues = ResponseRules.invalidOnSave(V1, null,
                List.of(Goal.NETWORKING, Goal.NETWORKING),
                new MatchPreferences(Field.OTHER, List.of("en", "en", "xx", "de", "fr", "es"), "Nowhere/City",
                        "x".repeat(1001)));
        assertThat(issues).extracting(ResponseIssue::field).containsExactly("goals[1]", "preferences.languages[1]",
                "preferences.languages[2]", "preferences.languages", "preferences.timeZone", "preferences.notes");
    }

    @Test
    void completionListsUnansweredItemsAndMissingChoices() {
        List<ResponseIssue> missing = ResponseRules.missingForCompletion(V1, Map.of("fv-m-1", 3), List.of(), null);
        assertThat(missing).extracting(ResponseIssue::field)
                .hasSize(V1.items().size() - 1 + 4)
                .doesNotContain("answers.fv-m-1")
                .contains("answers.ac-l-1", "goals", "preferences.field", "preferences.languages",
                        "preferences.timeZone");
    }

    @Test
    void completeResponsesLackNothing() {
        assertThat(ResponseRules.missingForCompletion(V1, AnswerSets.all(V1, 3), List.of(Goal.RESUME_HELP),
                COMPLETE_PREFERENCES)).isEmpty();
    }
}
