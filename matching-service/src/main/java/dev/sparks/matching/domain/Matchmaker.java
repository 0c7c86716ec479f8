package dev.sparks.matching.domain;

import dev.sparks.common.events.AssessmentCompletedV1;
import dev.sparks.common.events.MatchProposedV1;
import dev.sparks.common.model.MatchStatus;
import dev.sparks.common.problem.Problem;
import dev.sparks.common.problem.ProblemException;
import dev.sparks.matching.config.MatchingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Chooses a mentor for a participant and holds one unit of the mentor's capacity for them, in one transaction
 * with the match and its match.proposed.v1 event.
 *
 * <p>The ranking runs on a snapshot of the read model; the database has the last word. Each shortlisted mentor
 * is tried with a conditional update ({@link MentorRepository#reserve}); one that lost its last unit to another
 * transaction (on this or another replica) is skipped for the next. If the whole shortlist is gone the
 * participant is ranked again on fresh data, and after {@link #ROUNDS} rounds waits with the others.
 */
@ApplicationScoped
public class Matchmaker {

    private static final Logger LOG = Logger.getLogger(Matchmaker.class);
    static final int ROUNDS = 3;
    private static final Duration OFFSETS_REFRESH = Duration.ofHours(1);

    private final MentorRepository mentors;
    private final ParticipantRepository participants;
    private final MatchRepository matches;
    private final WaitingListRepository waitingList;
    private final PolicyRepository policies;
    private final MatchEvents events;
    private final MatchingConfig config;
    private final ProgramSettingsRepository settings;
    private final CohortPool cohortPool;
    private final MentorSnapshot snapshot;
    private volatile MentorRanking ranking;
    private volatile CompatibilityScorer scorer;

    public Matchmaker(MentorRepository mentors, ParticipantRepository participants, MatchRepository matches,
            WaitingListRepository waitingList, PolicyRepository policies, MatchEvents events,
            MatchingConfig config, ProgramSettingsRepository settings, CohortPool cohortPool,
            MentorSnapshot snapshot) {
        this.snapshot = snapshot;
        this.mentors = mentors;
        this.participants = participants;
        this.matches = matches;
        this.waitingList = waitingList;
        this.policies = policies;
        this.events = events;
        this.config = config;
        this.settings = settings;
        this.cohortPool = cohortPool;
    }

    /**
     * A participant finished an assessment. The snapshot is updated when this assessment is not older than the
     * one held. A participant who already holds a match keeps it (a retake does not reshuffle a running
     * mentorship; the new data is used for any later proposal); one in the manual queue stays there.
     */
    @Transactional
    public void onCompleted(AssessmentCompletedV1 event) {
        if (participants.isErased(event.participantId())) {
            // completed before the erasure, delivered after it (another topic): it must not bring the person back
            LOG.infof("Assessment %s of erased participant %s; skipped", event.assessmentId(), event.participantId());
            return;
        }
        Participant participant = snapshot(event);
        if (matches.holdingFor(participant.id).isPresent()) {
            LOG.debugf("Participant %s already holds a match; assessment %s only updates the snapshot",
                    participant.id, event.assessmentId());
            return;
        }
        WaitingEntry entry = waitingList.findById(participant.id);
        if (entry != null && entry.status == WaitingEntry.Status.MANUAL) {
            return;
        }
        if (settings.modeForShare() == ProgramMode.COHORT) {
            // cohort mode: the next matching run assigns everyone in the pool at once
            waitingList.leave(participant.id);
            cohortPool.enter(participant.id);
            return;
        }
        propose(participant);
    }

    /** Tries one waiting participant again, unless another replica is already on them. */
    @Transactional
    public Optional<Match> retryWaiting(UUID participantId) {
        if (waitingList.lockIfWaiting(participantId).isEmpty()) {
            return Optional.empty();
        }
        Participant participant = participants.findById(participantId);
        if (participant == null || matches.holdingFor(participantId).isPresent()) {
            waitingList.leave(participantId);
            return Optional.empty();
        }
        return propose(participant);
    }

    /**
     * Whether some mentor of the snapshot would be eligible: a cheap in-memory check that spares the waiting-list
     * pass a transaction (and a row lock) for every participant nobody can take yet.
     */
    public boolean couldMatch(ParticipantProfile participant, List<MentorCandidate> snapshot, MatchingPolicy policy,
            Set<UUID> declinedOrExpired) {
        return ranking().decide(participant, snapshot, policy, declinedOrExpired, 1).matched();
    }

    /**
     * Proposes the best available mentor, or puts the participant on the waiting list with the reason. The first
     * try ranks on the shared {@link MentorSnapshot}; when it cannot place the participant (nobody fits, or every
     * shortlisted mentor's capacity is gone), up to {@link #ROUNDS} more tries rank on fresh rows, so a "no" is never
     * the snapshot's alone.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Match> propose(Participant participant) {
        MatchingPolicy policy = policies.current().policy();
        Set<UUID> excluded = matches.declinedOrExpiredMentors(participant.id);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        List<String> languages = participant.profile.languages();
        String reason = "No mentor fits yet.";
        for (int round = 0; round <= ROUNDS; round++) {
            boolean fresh = round > 0;
            List<MentorCandidate> candidates = fresh ? mentors.candidates(today, languages)
                    : snapshot.speaking(today, languages);
            if (candidates.isEmpty()) {
                reason = "No mentor who speaks " + String.join(" or ", languages) + " is available yet.";
                if (fresh) {
                    break;
                }
                continue;
            }
            MatchDecision decision = ranking().decide(participant.profile, candidates, policy, excluded,
                    config.shortlistSize());
            if (!decision.matched()) {
                reason = decision.noMatchReason().map(NoMatchReason::summary).orElse(reason);
                if (fresh) {
                    break;
                }
                continue;
            }
            for (RankedMentor ranked : decision.shortlist()) {
                if (mentors.reserve(ranked.mentor().mentorId())) {
                    Mentor mentor = mentors.findById(ranked.mentor().mentorId());
                    return Optional.of(create(participant, mentor, ranked.breakdown(), ranked.explanation(), policy,
                            null, null, "proposed by matching"));
                }
            }
            reason = "Every fitting mentor's capacity was taken by other participants while matching.";
        }
        waitingList.enter(participant.id, WaitingEntry.Status.WAITING, reason);
        return Optional.empty();
    }

    /**
     * A program-admin pairs a participant with a mentor by hand. The hard rules hold unless the admin gives an
     * override reason, which the match records; capacity is never overridden, so the guarantee holds for
     * manual matches too.
     */
    @Transactional
    public Match matchByHand(UUID participantId, UUID mentorId, String overrideReason, Actor admin) {
        Participant participant = participants.findByIdOptional(participantId)
                .orElseThrow(() -> ProblemException.notFound("Participant", participantId));
        if (participants.isErased(participantId)) {
            throw ProblemException.conflict("Participant " + participantId + " was erased and cannot be matched");
        }
        Mentor mentor = mentors.findByIdOptional(mentorId)
                .orElseThrow(() -> ProblemException.notFound("Mentor", mentorId));
        matches.holdingFor(participantId).ifPresent(open -> {
            throw ProblemException.conflict("Participant " + participantId + " already holds match " + open.id
                    + " (" + open.status + "); end or decline it first");
        });
        MatchingPolicy policy = policies.current().policy();
        MentorCandidate candidate = mentor.toCandidate(LocalDate.now(ZoneOffset.UTC));
        Optional<HardRule> broken = Eligibility.of(participant.profile,
                matches.declinedOrExpiredMentors(participantId)).firstViolated(candidate);
        boolean override = overrideReason != null && !overrideReason.isBlank();
        if (broken.filter(rule -> rule == HardRule.NO_FREE_CAPACITY).isPresent()) {
            throw ProblemException.conflict("Mentor " + mentorId + " has no free capacity; capacity cannot be overridden");
        }
        if (broken.isPresent() && !override) {
            throw ProblemException.unprocessable("The match breaks the hard rule " + broken.get()
                            + "; give override.reason to make it anyway",
                    List.of(new Problem.FieldError("mentorId", "breaks " + broken.get())));
        }
        boolean reserved = override ? mentors.reserveIgnoringAvailability(mentorId) : mentors.reserve(mentorId);
        if (!reserved) {
            throw ProblemException.conflict("Mentor " + mentorId + " has no free capacity");
        }
        ScoreBreakdown breakdown = scorer().score(participant.profile, candidate, policy);
        String recordedOverride = override
                ? overrideReason.strip() + broken.map(rule -> " [set aside: " + rule + "]").orElse("")
                : null;
        return create(participant, mentor, breakdown, Explanation.of(breakdown), policy, recordedOverride,
                admin.name(), "matched by hand by " + admin.name());
    }

    /**
     * Creates the match a cohort run chose, once the caller has reserved the mentor's capacity: the same score,
     * explanation, match row and match.proposed.v1 as an immediate proposal.
     *
     * @param chosenBy recorded as the match's creator, e.g. "cohort run 6f1c..."
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Match proposeChosen(Participant participant, Mentor mentor, MatchingPolicy policy, String chosenBy) {
        ScoreBreakdown breakdown = scorer().score(participant.profile, mentor.toCandidate(LocalDate.now(ZoneOffset.UTC)),
                policy);
        return create(participant, mentor, breakdown, Explanation.of(breakdown), policy, null, chosenBy,
                "proposed by " + chosenBy);
    }

    private Match create(Participant participant, Mentor mentor, ScoreBreakdown breakdown, Explanation explanation,
            MatchingPolicy policy, String overrideReason, String createdBy, String statusReason) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Match match = new Match();
        match.id = UUID.randomUUID();
        match.participantId = participant.id;
        match.mentorId = mentor.id;
        match.status = MatchStatus.PROPOSED;
        match.score = BigDecimal.valueOf(breakdown.total());
        match.explanation = explanationOf(breakdown, explanation, policy);
        match.policyVersion = policy.version();
        match.overrideReason = overrideReason;
        match.createdBy = createdBy;
        match.proposedAt = now;
        match.expiresAt = now.plus(config.proposalTtl());
        match.statusChangedAt = now;
        match.statusReason = statusReason;
        matches.persist(match);
        // Flushed here so the one-open-match-per-participant index speaks now, not at commit.
        matches.flush();
        waitingList.leave(participant.id);
        cohortPool.leave(participant.id);
        events.proposed(match, participant, mentor);
        LOG.infof("Proposed match %s: participant %s, mentor %s, score %s", match.id, participant.id, mentor.id,
                match.score);
        return match;
    }

    static MatchProposedV1.Explanation explanationOf(ScoreBreakdown breakdown, Explanation explanation,
            MatchingPolicy policy) {
        return new MatchProposedV1.Explanation(List.of(
                new MatchProposedV1.ScorePart("growth fit", breakdown.growthFit(), policy.growthFitWeight()),
                new MatchProposedV1.ScorePart("goal coverage", breakdown.goalCoverage(), policy.goalCoverageWeight()),
                new MatchProposedV1.ScorePart("language", breakdown.language(), policy.languagePoints()),
                new MatchProposedV1.ScorePart("time zone", breakdown.timeZone(), policy.timeZonePoints()),
                new MatchProposedV1.ScorePart("field", breakdown.field(), policy.fieldPoints())),
                explanation.sentences());
    }

    /** Keeps the latest assessment; an older one arriving late (another partition's lag) changes nothing. */
    private Participant snapshot(AssessmentCompletedV1 event) {
        Participant participant = participants.findByIdOptional(event.participantId(),
                jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).orElse(null);
        boolean fresh = participant == null;
        if (fresh) {
            participant = new Participant();
            participant.id = event.participantId();
        } else if (participant.completedAt != null && event.completedAt() != null
                && event.completedAt().isBefore(participant.completedAt)) {
            return participant;
        }
        participant.externalId = event.participantExternalId();
        participant.name = event.name();
        participant.email = event.email() == null ? null : event.email().strip().toLowerCase(java.util.Locale.ROOT);
        participant.assessmentId = event.assessmentId();
        participant.profile = ParticipantProfile.from(event);
        participant.completedAt = event.completedAt();
        participant.updatedAt = Instant.now();
        if (fresh) {
            participants.persist(participant);
        }
        return participant;
    }

    /** Offsets are taken at one instant and reused for an hour: zones only shift at daylight-saving changes. */
    private MentorRanking ranking() {
        scorer();
        return ranking;
    }

    /** The scorer every decision uses now; cohort runs weigh their pairs with it too. */
    public CompatibilityScorer scorer() {
        CompatibilityScorer current = scorer;
        Instant now = Instant.now();
        if (current == null || current.offsets().instant().plus(OFFSETS_REFRESH).isBefore(now)) {
            current = new CompatibilityScorer(ZoneOffsets.at(now));
            ranking = new MentorRanking(current);
            scorer = current;
        }
        return current;
    }
}
