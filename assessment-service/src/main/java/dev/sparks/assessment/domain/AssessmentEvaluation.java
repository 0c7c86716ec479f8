package dev.sparks.assessment.domain;

import java.util.Map;

/** The one entry point from answers to result; pure, so the same answers and version always give the same result. */
public final class AssessmentEvaluation {

    private AssessmentEvaluation() {
    }

    /** @throws InvalidAnswersException when the answers are not a complete, valid set for this instrument */
    public static AssessmentResult evaluate(Instrument instrument, Map<String, Integer> answers) {
        return evaluate(instrument.version(), AssessmentScorer.score(instrument, answers));
    }

    /** The result for scores already computed, e.g. when re-reading a stored assessment. */
    public static AssessmentResult evaluate(String instrumentVersion, Scores scores) {
        return new AssessmentResult(instrumentVersion, scores, Profile.of(scores), GrowthAreaRanking.rank(scores));
    }
}
