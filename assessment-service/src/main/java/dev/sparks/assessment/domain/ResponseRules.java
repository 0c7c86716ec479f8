package dev.sparks.assessment.domain;

import dev.sparks.common.model.Goal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a participant may save, and what completion needs, judged against the assessment's own instrument version.
 * Saving accepts any subset of valid answers and choices; completion needs every item answered, the goals and the
 * field, languages and time zone (notes stay optional).
 */
public final class ResponseRules {

    private ResponseRules() {
    }

    /**
     * Everything that makes a save invalid, empty when it may be stored. Null goals or preferences mean "not part of
     * this save".
     */
    public static List<ResponseIssue> invalidOnSave(Instrument instrument, Map<String, Integer> answers,
            List<Goal> goals, MatchPreferences preferences) {
        List<ResponseIssue> issues = new ArrayList<>();
        if (answers != null) {
            ResponseValidation validation = ResponseValidation.of(instrument, answers);
            for (AnswerViolation violation : validation.violations()) {
                if (violation.kind() != AnswerViolation.Kind.UNANSWERED) {
                    issues.add(new ResponseIssue("answers." + violation.itemId(), violation.message()));
                }
            }
        }
        if (goals != null) {
            checkGoals(instrument.goals(), goals, issues);
        }
        if (preferences != null) {
            checkPreferences(instrument.preferences(), preferences, issues);
        }
        return issues;
    }

    /** Everything still missing before the assessment can be scored: unanswered items first, in presentation order. */
    public static List<ResponseIssue> missingForCompletion(Instrument instrument, Map<String, Integer> answers,
            List<Goal> goals, MatchPreferences preferences) {
        List<ResponseIssue> missing = new ArrayList<>();
        ResponseValidation validation = ResponseValidation.of(instrument, answers);
        for (AnswerViolation violation : validation.violations()) {
            missing.add(new ResponseIssue("answers." + violation.itemId(), violation.message()));
        }
        int minGoals = instrument.goals().minChoices();
        if (goals == null || goals.size() < minGoals) {
            missing.add(new ResponseIssue("goals", "choose at least " + minGoals + " goal" + (minGoals == 1 ? "" : "s")));
        }
        if (preferences == null || preferences.field() == null) {
            missing.add(new ResponseIssue("preferences.field", "choose a field"));
        }
        int minLanguages = instrument.preferences().languages().minChoices();
        if (preferences == null || preferences.languages().size() < minLanguages) {
            missing.add(new ResponseIssue("preferences.languages",
                    "choose at least " + minLanguages + " language" + (minLanguages == 1 ? "" : "s")));
        }
        if (preferences == null || preferences.timeZone() == null) {
            missing.add(new ResponseIssue("preferences.timeZone", "choose a time zone"));
        }
        return missing;
    }

    private static void checkGoals(Instrument.GoalQuestion question, List<Goal> goals, List<ResponseIssue> issues) {
        Set<Goal> seen = new HashSet<>();
        for (int i = 0; i < goals.size(); i++) {
            Goal goal = goals.get(i);
            if (goal == null || question.options().stream().noneMatch(option -> option.value() == goal)) {
                issues.add(new ResponseIssue("goals[" + i + "]", "is not one of the offered goals"));
            } else if (!seen.add(goal)) {
                issues.add(new ResponseIssue("goals[" + i + "]", goal + " is chosen more than once"));
            }
        }
        if (goals.size() > question.maxChoices()) {
            issues.add(new ResponseIssue("goals", "choose at most " + question.maxChoices() + " goals"));
        }
    }

    private static void checkPreferences(Instrument.Preferences question, MatchPreferences preferences,
            List<ResponseIssue> issues) {
        if (preferences.field() != null && !question.field().accepts(preferences.field())) {
            issues.add(new ResponseIssue("preferences.field", "is not one of the offered fields"));
        }
        Instrument.LanguageQuestion languages = question.languages();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < preferences.languages().size(); i++) {
            String code = preferences.languages().get(i);
            if (code == null || !languages.accepts(code)) {
                issues.add(new ResponseIssue("preferences.languages[" + i + "]",
                        "is not one of the offered ISO 639-1 language codes"));
            } else if (!seen.add(code)) {
                issues.add(new ResponseIssue("preferences.languages[" + i + "]", code + " is chosen more than once"));
            }
        }
        if (preferences.languages().size() > languages.maxChoices()) {
            issues.add(new ResponseIssue("preferences.languages",
                    "choose at most " + languages.maxChoices() + " languages"));
        }
        if (preferences.timeZone() != null && !question.timeZone().accepts(preferences.timeZone())) {
            issues.add(new ResponseIssue("preferences.timeZone", "is not an IANA time zone id such as "
                    + question.timeZone().example()));
        }
        if (!question.notes().accepts(preferences.notes())) {
            issues.add(new ResponseIssue("preferences.notes",
                    "must be at most " + question.notes().maxLength() + " characters"));
        }
    }
}
