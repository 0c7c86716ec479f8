package dev.sparks.matching.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.common.model.Field;
import dev.sparks.common.model.Goal;
import dev.sparks.common.model.GrowthArea;
import dev.sparks.common.model.Trait;
import dev.sparks.matching.cohort.CohortAssignment;
import dev.sparks.matching.cohort.CohortInstance;
import dev.sparks.matching.cohort.CohortObjective;
import dev.sparks.matching.cohort.CohortSolver;
import dev.sparks.matching.cohort.GreedyFirstCome;
import dev.sparks.matching.domain.CompatibilityScorer;
import dev.sparks.matching.domain.MatchingPolicy;
import dev.sparks.matching.domain.MentorCandidate;
import dev.sparks.matching.domain.ParticipantProfile;
import dev.sparks.matching.domain.Strengths;
import dev.sparks.matching.domain.ZoneOffsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class CohortProblemTest {

    static final CompatibilityScorer SCORER = new CompatibilityScorer(ZoneOffsets.at(Instant.parse("2026-01-15T12:00:00Z")));
    static final MatchingPolicy POLICY = MatchingPolicy.defaults();

    @Test
    void arcsFollowTheHardRulesTheMinimumScoreAndFreeCapacity() {
        ParticipantProfile ada = participant("en");
        ParticipantProfile ben = participant("de");
        MentorCandidate strong = mentor("en", 5, 3, 1, true);
        MentorCandidate full = mentor("en", 5, 2, 2, true);
        MentorCandidate paused = mentor("en", 5, 2, 0, false);
        MentorCandidate weak = mentor("en", 1, 2, 0, true);
        MentorCandidate declined = mentor("en", 5, 1, 0, true);
        MentorCandidate german = mentor("de", 4, 1, 0, true);

        CohortProblem problem = CohortProblem.of(List.of(
                        new CohortProblem.Person(ada.participantId(), ada, Set.of(declined.mentorId())),
                        new CohortProblem.Person(ben.participantId(), ben, Set.of())),
                List.of(strong, full, paused, weak, declined, german), POLICY, SCORER);

        // full and paused mentors are left out; the others keep only their free places
        assertThat(problem.mentorCount()).isEqualTo(4);
        CohortInstance instance = problem.instance();
        assertThat(instance.capacity(0)).isEqualTo(2);
        int strongIndex = 0;
        int weakIndex = 1;
        int declinedIndex = 2;
        int germanIndex = 3;
        assertThat(problem.mentor(strongIndex)).isEqualTo(strong);
        int expected = SCORER.prepare(ada, POLICY).totalTenths(strong);
        assertThat(instance.weight(0, strongIndex)).isEqualTo(expected);
        // weak scores below the policy's minimum of 40: no arc, whatever the objective
        assertThat(SCORER.prepare(ada, POLICY).totalTenths(weak)).isLessThan(400);
        assertThat(instance.weight(0, weakIndex)).isEqualTo(CohortInstance.FORBIDDEN);
        assertThat(instance.weight(0, declinedIndex)).isEqualTo(CohortInstance.FORBIDDEN);
        assertThat(instance.weight(0, germanIndex)).isEqualTo(CohortInstance.FORBIDDEN);
        assertThat(instance.weight(1, germanIndex)).isPositive();
        assertThat(instance.weight(1, strongIndex)).isEqualTo(CohortInstance.FORBIDDEN);
        assertThat(problem.arcCount()).isEqualTo(2);
    }

    @Test
    void theReportComparesTheOptimumWithGreedyFirstCome() {
        // greedy gives the first participant the only mentor the second one can have
        ParticipantProfile first = participant("en", "fr");
        ParticipantProfile second = participant("en");
        MentorCandidate englishOnly = mentor("en", 5, 1, 0, true);
        MentorCandidate french = mentor("fr", 3, 1, 0, true);
        CohortProblem problem = CohortProblem.of(List.of(
                        new CohortProblem.Person(first.participantId(), first, Set.of()),
                        new CohortProblem.Person(second.participantId(), second, Set.of())),
                List.of(englishOnly, french), POLICY, SCORER);
        CohortObjective objective = CohortObjective.mostParticipation();
        CohortAssignment optimal = new CohortSolver().solve(problem.instance(), objective);
        CohortAssignment greedy = GreedyFirstCome.assign(problem.instance(), objective);

        RunReport report = RunReport.of(problem, 400, 1, optimal, greedy);

        assertThat(report.assigned()).isEqualTo(2);
        assertThat(report.greedy().matched()).isEqualTo(1);
        assertThat(report.gain().matched()).isEqualTo(1);
        assertThat(report.provenOptimal()).isTrue();
        assertThat(report.totalScore()).isEqualTo(optimal.totalWeight() / 10.0);
        assertThat(report.lowestScore()).isEqualTo(optimal.lowestMatchedScore() / 10.0);
        assertThat(report.poolSize()).isEqualTo(2);
        assertThat(report.freeCapacity()).isEqualTo(2);
        assertThat(report.committed(2, 0).created()).isEqualTo(2);
    }

    static ParticipantProfile participant(String... languages) {
        UUID id = UUID.randomUUID();
        return new ParticipantProfile(id, "P-" + id, id + "@sparks.test",
                List.of(new GrowthArea(1, Trait.SPEAK_UP, 20, "lowest"),
                        new GrowthArea(2, Trait.TAKE_SMART_RISKS, 25, "second")),
                List.of(Goal.CAREER_ADVICE), Field.TECHNOLOGY, List.of(languages), "Europe/Berlin");
    }

    static MentorCandidate mentor(String language, int strength, int capacity, int reserved, boolean accepting) {
        Map<Trait, Integer> levels = new EnumMap<>(Trait.class);
        for (Trait trait : Trait.values()) {
            levels.put(trait, strength);
        }
        UUID id = UUID.randomUUID();
        return new MentorCandidate(id, "Mentor", id + "@mentors.test", Field.TECHNOLOGY, List.of(language),
                "Europe/Berlin", Strengths.of(levels), strength >= 3 ? Set.of(Goal.CAREER_ADVICE) : Set.of(),
                capacity, reserved, accepting, Set.of());
    }
}
