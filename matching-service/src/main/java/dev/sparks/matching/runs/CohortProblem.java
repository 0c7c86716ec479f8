package dev.sparks.matching.runs;

import dev.sparks.matching.cohort.CohortInstance;
import dev.sparks.matching.domain.CompatibilityScorer;
import dev.sparks.matching.domain.Eligibility;
import dev.sparks.matching.domain.MatchingPolicy;
import dev.sparks.matching.domain.MentorCandidate;
import dev.sparks.matching.domain.ParticipantProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The pool and the mentors as a {@link CohortInstance}: one arc per pair the hard rules allow, weighted by the
 * compatibility score in tenths of a point (0-1000, the precision matches carry), and each mentor's capacity is
 * what is still free ({@code capacity - reserved}). Mentors who are not accepting or have no room are left out.
 *
 * <p>The policy's minimum score is a hard rule here as in immediate matching: pairs below it get no arc, whatever
 * the objective. Pure Java, no framework.
 */
public final class CohortProblem {

    /** A pool participant with the mentors they declined or let expire (never proposed again). */
    public record Person(UUID id, ParticipantProfile profile, Set<UUID> declinedOrExpired) {
    }

    private final List<Person> people;
    private final List<MentorCandidate> mentors;
    private final CohortInstance instance;
    private final long arcs;

    private CohortProblem(List<Person> people, List<MentorCandidate> mentors, CohortInstance instance, long arcs) {
        this.people = people;
        this.mentors = mentors;
        this.instance = instance;
        this.arcs = arcs;
    }

    /**
     * @param people in arrival order: the greedy baseline serves them in this order
     */
    public static CohortProblem of(List<Person> people, List<MentorCandidate> candidates, MatchingPolicy policy,
            CompatibilityScorer scorer) {
        List<MentorCandidate> mentors = new ArrayList<>();
        for (MentorCandidate mentor : candidates) {
            if (mentor.accepting() && mentor.reserved() < mentor.capacity()) {
                mentors.add(mentor);
            }
        }
        int[] free = new int[mentors.size()];
        for (int j = 0; j < free.length; j++) {
            free[j] = mentors.get(j).capacity() - mentors.get(j).reserved();
        }
        int minimumTenths = policy.minimumScore() * 10;
        int[] rowStart = new int[people.size() + 1];
        int[] arcMentor = new int[Math.max(16, people.size() * 4)];
        short[] arcWeight = new short[arcMentor.length];
        int arcs = 0;
        for (int i = 0; i < people.size(); i++) {
            Person person = people.get(i);
            Eligibility eligibility = Eligibility.of(person.profile(), person.declinedOrExpired());
            CompatibilityScorer.ForParticipant scoring = scorer.prepare(person.profile(), policy);
            for (int j = 0; j < mentors.size(); j++) {
                MentorCandidate mentor = mentors.get(j);
                if (!eligibility.isEligible(mentor)) {
                    continue;
                }
                int tenths = scoring.totalTenths(mentor);
                if (tenths < minimumTenths) {
                    continue;
                }
                if (arcs == arcMentor.length) {
                    arcMentor = java.util.Arrays.copyOf(arcMentor, arcs * 2);
                    arcWeight = java.util.Arrays.copyOf(arcWeight, arcs * 2);
                }
                arcMentor[arcs] = j;
                arcWeight[arcs] = (short) tenths;
                arcs++;
            }
            rowStart[i + 1] = arcs;
        }
        return new CohortProblem(List.copyOf(people), List.copyOf(mentors),
                CohortInstance.sparse(free, rowStart, arcMentor, arcWeight), arcs);
    }

    public CohortInstance instance() {
        return instance;
    }

    public UUID participant(int index) {
        return people.get(index).id();
    }

    public MentorCandidate mentor(int index) {
        return mentors.get(index);
    }

    public int participantCount() {
        return people.size();
    }

    public int mentorCount() {
        return mentors.size();
    }

    public long arcCount() {
        return arcs;
    }
}
