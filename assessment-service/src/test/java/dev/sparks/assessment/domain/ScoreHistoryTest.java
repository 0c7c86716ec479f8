package dev.sparks.assessment.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.common.model.Trait;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ScoreHistoryTest {

    @Test
    void stepsAreInCompletionOrderWithTheChangeFromThePreviousOne() {
        ScoreHistory.Completed early = completed(Scores.uniform(40), "2026-01-01T10:00:00Z");
        ScoreHistory.Completed late = completed(Scores.uniform(40).with(Trait.SPEAK_UP, 65), "2026-06-01T10:00:00Z");

        List<ScoreHistory.Step> steps = ScoreHistory.of(List.of(late, early));

        assertThat(steps).extracting(ScoreHistory.Step::assessmentId)
                .containsExactly(early.assessmentId(), late.assessmentId());
        assertThat(steps.get(0).change()).isEmpty();
        assertThat(steps.get(1).change()).hasSize(18).containsEntry(Trait.SPEAK_UP, 25)
                .containsEntry(Trait.TAKE_INITIATIVE, 0);
        assertThat(steps.get(1).archetype()).isEqualTo(late.result().archetype());
    }

    @Test
    void noCompletedAssessmentsIsAnEmptyHistory() {
        assertThat(ScoreHistory.of(List.of())).isEmpty();
    }

    private static ScoreHistory.Completed completed(Scores scores, String completedAt) {
        AssessmentResult result = AssessmentEvaluation.evaluate("2026.1", scores);
        return new ScoreHistory.Completed(UUID.randomUUID(), "2026.1", Instant.parse(completedAt),
                ResultSnapshot.of(result));
    }
}
