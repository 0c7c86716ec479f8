package dev.sparks.assessment.domain;

import dev.sparks.assessment.messaging.AssessmentEvents;
import dev.sparks.common.model.Goal;
import dev.sparks.common.persistence.AfterCommit;
import dev.sparks.common.problem.Problem;
import dev.sparks.common.problem.ProblemException;
import dev.sparks.common.security.Caller;
import dev.sparks.common.security.Roles;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A participant's assessments: start, save answers, complete (scoring and the completed event in one transaction),
 * and who may read what. Someone else's assessment answers 404, as if it did not exist, so ids cannot be probed.
 */
@Startup // its counters exist from the start, before the first event they count
@ApplicationScoped
public class AssessmentService {

    private final AssessmentRepository assessments;
    private final ParticipantRepository participants;
    private final ParticipantService participantService;
    private final AssessmentEvents events;
    private final InstrumentCatalog catalog = InstrumentCatalog.bundled();
    private final Counter started;
    private final Counter completed;
    private final AfterCommit afterCommit;

    public AssessmentService(AssessmentRepository assessments, ParticipantRepository participants,
            ParticipantService participantService, AssessmentEvents events, MeterRegistry metrics,
            AfterCommit afterCommit) {
        this.afterCommit = afterCommit;
        this.assessments = assessments;
        this.participants = participants;
        this.participantService = participantService;
        this.events = events;
        this.started = Counter.builder("sparks_assessments_started")
                .description("Assessments started").register(metrics);
        this.completed = Counter.builder("sparks_assessments_completed")
                .description("Assessments completed and scored").register(metrics);
    }

    /** A new assessment on the current instrument version for the caller, unless one is already in progress. */
    @Transactional
    public Assessment start(Caller caller) {
        Participant participant = participantService.forLogin(caller);
        assessments.inProgressOf(participant.id()).ifPresent(existing -> {
            throw ProblemException.conflict("Assessment " + existing.id()
                    + " is already in progress; continue or complete it before starting another");
        });
        Assessment assessment = Assessment.start(participant.id(), catalog.current().version(), now());
        try {
            assessments.persistAndFlush(assessment);
        } catch (PersistenceException e) {
            // Only reachable if the participant lock was bypassed: the partial unique index still holds the line.
            throw ProblemException.conflict("Another assessment was started at the same time; list yours and retry");
        }
        events.started(assessment, participant);
        // counted once the start is committed: a rolled-back start never happened
        afterCommit.run(started::increment);
        return assessment;
    }

    /**
     * Validates everything before changing anything, so a refused save stores nothing.
     *
     * @param version the instrument version the client answered, when it says; must be the assessment's own
     */
    @Transactional
    public Assessment save(Caller caller, UUID id, String version, Map<String, Integer> answers, List<Goal> goals,
            MatchPreferences preferences) {
        Assessment assessment = ownedForUpdate(caller, id);
        if (assessment.isCompleted()) {
            throw ProblemException.conflict("Assessment " + id + " is completed; its answers can no longer change");
        }
        if (version != null && !version.equals(assessment.instrumentVersion())) {
            throw ProblemException.invalid("version", "this assessment uses instrument version "
                    + assessment.instrumentVersion() + ", not " + version);
        }
        List<ResponseIssue> issues = ResponseRules.invalidOnSave(instrumentOf(assessment), answers, goals, preferences);
        if (!issues.isEmpty()) {
            throw ProblemException.invalid(fieldErrors(issues));
        }
        assessment.save(answers, goals, preferences, now());
        return assessment;
    }

    /**
     * Scores a complete assessment, stores the result and writes {@code assessment.completed.v1} to the outbox, all
     * in one transaction. Completing again returns the stored result and emits nothing: the row lock makes a
     * concurrent second completion wait, then see the first one's result.
     */
    @Transactional
    public Assessment complete(Caller caller, UUID id) {
        Assessment assessment = ownedForUpdate(caller, id);
        if (assessment.isCompleted()) {
            return assessment;
        }
        Instrument instrument = instrumentOf(assessment);
        List<ResponseIssue> missing = ResponseRules.missingForCompletion(instrument, assessment.answers(),
                assessment.goals(), assessment.preferences());
        if (!missing.isEmpty()) {
            throw ProblemException.unprocessable(missing.size() + " answers or choices are still missing",
                    fieldErrors(missing));
        }
        AssessmentResult result = AssessmentEvaluation.evaluate(instrument, assessment.answers());
        assessment.complete(ResultSnapshot.of(result), now());
        Participant participant = participants.findById(assessment.participantId());
        events.completed(assessment, participant);
        afterCommit.run(completed::increment);
        return assessment;
    }

    /** The owner's or, for a program-admin, anyone's. */
    @Transactional
    public Assessment get(Caller caller, UUID id) {
        Assessment assessment = assessments.findByIdOptional(id)
                .orElseThrow(() -> ProblemException.notFound("Assessment", id));
        if (!caller.hasRole(Roles.PROGRAM_ADMIN) && !isOwner(caller, assessment)) {
            throw ProblemException.notFound("Assessment", id);
        }
        return assessment;
    }

    @Transactional
    public Assessment result(Caller caller, UUID id) {
        Assessment assessment = get(caller, id);
        if (!assessment.isCompleted()) {
            throw ProblemException.conflict("Assessment " + id + " has no result until it is completed");
        }
        return assessment;
    }

    /**
     * A program-admin lists anyone's; a participant lists only their own, and naming someone else is refused
     * rather than silently ignored.
     */
    @Transactional
    public Listing list(Caller caller, UUID participantFilter, AssessmentStatus status, int page, int size) {
        UUID participantId = participantFilter;
        if (!caller.hasRole(Roles.PROGRAM_ADMIN)) {
            UUID own = participants.bySubject(caller.subject()).map(Participant::id).orElse(null);
            if (participantFilter != null && !participantFilter.equals(own)) {
                throw ProblemException.forbidden("Participants can only list their own assessments");
            }
            if (own == null) {
                return new Listing(List.of(), 0);
            }
            participantId = own;
        }
        PanacheQuery<Assessment> query = assessments.search(participantId, status);
        return new Listing(query.page(page, size).list(), query.count());
    }

    /** One page of assessments and how many all pages hold. */
    public record Listing(List<Assessment> items, long total) {
    }

    private Assessment ownedForUpdate(Caller caller, UUID id) {
        Assessment assessment = assessments.byIdForUpdate(id)
                .orElseThrow(() -> ProblemException.notFound("Assessment", id));
        if (!isOwner(caller, assessment)) {
            throw ProblemException.notFound("Assessment", id);
        }
        return assessment;
    }

    private boolean isOwner(Caller caller, Assessment assessment) {
        return participants.bySubject(caller.subject())
                .map(participant -> participant.id().equals(assessment.participantId()))
                .orElse(false);
    }

    private Instrument instrumentOf(Assessment assessment) {
        return catalog.version(assessment.instrumentVersion()).orElseThrow(() -> new IllegalStateException(
                "instrument version " + assessment.instrumentVersion() + " is no longer bundled"));
    }

    static List<Problem.FieldError> fieldErrors(List<ResponseIssue> issues) {
        return issues.stream().map(issue -> new Problem.FieldError(issue.field(), issue.message())).toList();
    }

    /** Microseconds, as PostgreSQL stores them, so the event and a later read show the same instant. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
