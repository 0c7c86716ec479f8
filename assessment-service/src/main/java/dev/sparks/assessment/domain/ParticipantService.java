package dev.sparks.assessment.domain;

import dev.sparks.assessment.config.AssessmentConfig;
import dev.sparks.assessment.messaging.AssessmentEvents;
import dev.sparks.common.problem.ProblemException;
import dev.sparks.common.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Who the participants are: linked from logins, pre-registered by HR, and how their scores moved. */
@ApplicationScoped
public class ParticipantService {

    private final ParticipantRepository participants;
    private final AssessmentRepository assessments;
    private final AssessmentConfig config;
    private final AssessmentEvents events;

    public ParticipantService(ParticipantRepository participants, AssessmentRepository assessments,
            AssessmentConfig config, AssessmentEvents events) {
        this.participants = participants;
        this.assessments = assessments;
        this.config = config;
        this.events = events;
    }

    /**
     * The caller's participant record, locked for the rest of the transaction: found by token subject, else by email
     * (an HR pre-registration, which this links to the login), else created. Name and email follow the token.
     */
    @Transactional
    public Participant forLogin(Caller caller) {
        String subject = caller.subject();
        String email = caller.email();
        if (email == null) {
            throw ProblemException.unprocessable("The token carries no email address; a participant needs one",
                    List.of());
        }
        Instant now = AssessmentService.now();
        Optional<Participant> known = participants.bySubjectForUpdate(subject);
        // Checked after the lock above, which an erasure of this login holds until it commits. A token issued
        // before the erasure, or a new one of the same account, is refused: never a silent re-creation.
        if (known.isEmpty() && participants.erasedLogin(subject)) {
            throw ProblemException.forbidden("The participant data of this account was erased; the account can no"
                    + " longer take part in the program");
        }
        if (known.isPresent()) {
            Participant participant = known.get();
            if (!email.equals(participant.email())) {
                participants.byEmailForUpdate(email)
                        .filter(other -> !other.id().equals(participant.id()))
                        .ifPresent(other -> {
                            throw ProblemException.conflict("The email " + email
                                    + " belongs to another participant record; ask a program admin to merge them");
                        });
            }
            participant.loggedIn(subject, caller.name(), email, now);
            return participant;
        }
        Optional<Participant> registered = participants.byEmailForUpdate(email);
        if (registered.isPresent()) {
            Participant participant = registered.get();
            if (participant.subject() != null) {
                throw ProblemException.conflict("The email " + email + " is already linked to another login");
            }
            participant.loggedIn(subject, caller.name(), email, now);
            return participant;
        }
        Participant participant = Participant.fromLogin(subject, caller.name(), email, now);
        try {
            participants.persistAndFlush(participant);
        } catch (PersistenceException e) {
            throw ProblemException.conflict("Your participant record was being created by another request; retry");
        }
        events.registered(participant);
        return participant;
    }

    /** What happened to one row of an import. {@code participantId} is null for a rejected row. */
    public record RowResult(int row, String externalId, ImportOutcome outcome, UUID participantId,
            List<ResponseIssue> errors) {
    }

    /**
     * HR's idempotent upsert by external id: sending the same rows again changes nothing and reports UNCHANGED.
     * A row is rejected, without stopping the others, when it is invalid, repeats an external id or email of an
     * earlier row, or names an email that belongs to a participant with another external id.
     */
    @Transactional
    public List<RowResult> register(List<RegistrationRow> rows) {
        if (rows.size() > config.importMaxRows()) {
            throw ProblemException.invalid("rows", "at most " + config.importMaxRows() + " rows per request");
        }
        Set<String> externalIds = new HashSet<>();
        Set<String> emails = new HashSet<>();
        for (RegistrationRow row : rows) {
            if (row.externalId() != null) {
                externalIds.add(row.externalId());
            }
            if (row.email() != null) {
                emails.add(row.email());
            }
        }
        Map<String, Participant> byExternalId = new HashMap<>();
        Map<String, Participant> byEmail = new HashMap<>();
        if (!externalIds.isEmpty() || !emails.isEmpty()) {
            for (Participant participant : participants.byExternalIdOrEmailForUpdate(
                    externalIds.isEmpty() ? Set.of("") : externalIds, emails.isEmpty() ? Set.of("") : emails)) {
                if (participant.externalId() != null) {
                    byExternalId.put(participant.externalId(), participant);
                }
                byEmail.put(participant.email(), participant);
            }
        }
        Instant now = AssessmentService.now();
        Map<String, Integer> firstRowOfId = new HashMap<>();
        Map<String, Integer> firstRowOfEmail = new HashMap<>();
        List<RowResult> results = new ArrayList<>(rows.size());
        List<Participant> registrations = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RegistrationRow row = rows.get(i);
            List<ResponseIssue> problems = new ArrayList<>(row.problems());
            if (problems.isEmpty()) {
                Integer earlier = firstRowOfId.putIfAbsent(row.externalId(), i);
                if (earlier != null) {
                    problems.add(new ResponseIssue("externalId", "repeats row " + earlier + " of this import"));
                }
                earlier = firstRowOfEmail.putIfAbsent(row.email(), i);
                if (earlier != null) {
                    problems.add(new ResponseIssue("email", "repeats row " + earlier + " of this import"));
                }
            }
            if (!problems.isEmpty()) {
                results.add(new RowResult(i, row.externalId(), ImportOutcome.REJECTED, null, problems));
                continue;
            }
            results.add(upsert(i, row, byExternalId, byEmail, now, registrations));
        }
        try {
            participants.flush();
        } catch (PersistenceException e) {
            throw ProblemException.conflict("Another request changed the same participants at the same time; retry");
        }
        events.registered(registrations);
        return results;
    }

    /**
     * @param registrations collects who gets a participant.registered.v1: everyone created, and everyone whose
     *     department changed (the only registration detail other services keep)
     */
    private RowResult upsert(int index, RegistrationRow row, Map<String, Participant> byExternalId,
            Map<String, Participant> byEmail, Instant now, List<Participant> registrations) {
        Participant existing = byExternalId.get(row.externalId());
        Participant emailOwner = byEmail.get(row.email());
        if (existing == null && emailOwner == null) {
            Participant created = Participant.fromRegistration(row, now);
            participants.persist(created);
            byExternalId.put(row.externalId(), created);
            byEmail.put(row.email(), created);
            registrations.add(created);
            return new RowResult(index, row.externalId(), ImportOutcome.CREATED, created.id(), List.of());
        }
        Participant target = existing != null ? existing : emailOwner;
        if (emailOwner != null && emailOwner != target
                || existing == null && emailOwner.externalId() != null) {
            String owner = emailOwner.externalId() == null ? "a participant without an external id"
                    : "the participant with external id " + emailOwner.externalId();
            return new RowResult(index, row.externalId(), ImportOutcome.REJECTED, null,
                    List.of(new ResponseIssue("email", "belongs to " + owner)));
        }
        if (target.matches(row)) {
            return new RowResult(index, row.externalId(), ImportOutcome.UNCHANGED, target.id(), List.of());
        }
        String previousEmail = target.email();
        if (!Objects.equals(target.department(), row.department())) {
            registrations.add(target);
        }
        target.registered(row, now);
        byExternalId.put(row.externalId(), target);
        if (!previousEmail.equals(row.email())) {
            byEmail.remove(previousEmail);
            byEmail.put(row.email(), target);
            // Insertions are flushed before updates; free the old address now in case a later row takes it.
            participants.flush();
        }
        return new RowResult(index, row.externalId(), ImportOutcome.UPDATED, target.id(), List.of());
    }

    /** The caller's completed assessments, oldest first, with how each trait moved since the previous one. */
    @Transactional
    public Progress progress(Caller caller) {
        Optional<Participant> participant = participants.bySubject(caller.subject());
        if (participant.isEmpty()) {
            return new Progress(null, List.of());
        }
        List<ScoreHistory.Completed> completed = assessments.completedOf(participant.get().id()).stream()
                .map(a -> new ScoreHistory.Completed(a.id(), a.instrumentVersion(), a.completedAt(), a.result()))
                .toList();
        return new Progress(participant.get().id(), ScoreHistory.of(completed));
    }

    /** @param participantId null when the caller has no participant record yet */
    public record Progress(UUID participantId, List<ScoreHistory.Step> steps) {
    }
}
