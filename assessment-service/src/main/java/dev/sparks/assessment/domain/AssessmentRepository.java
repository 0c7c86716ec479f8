package dev.sparks.assessment.domain;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class AssessmentRepository implements PanacheRepositoryBase<Assessment, UUID> {

    /** Locked until the transaction ends: saves and completions of one assessment happen one after the other. */
    public Optional<Assessment> byIdForUpdate(UUID id) {
        return Optional.ofNullable(findById(id, LockModeType.PESSIMISTIC_WRITE));
    }

    public Optional<Assessment> inProgressOf(UUID participantId) {
        return find("participantId = ?1 and status = ?2", participantId, AssessmentStatus.IN_PROGRESS)
                .firstResultOptional();
    }

    public List<Assessment> completedOf(UUID participantId) {
        return list("participantId = ?1 and status = ?2", Sort.by("completedAt").and("id"), participantId,
                AssessmentStatus.COMPLETED);
    }

    /** Deletes all of a participant's assessments (erasure). */
    public long deleteOf(UUID participantId) {
        return delete("participantId", participantId);
    }

    /** Newest first; either filter may be null. */
    public PanacheQuery<Assessment> search(UUID participantId, AssessmentStatus status) {
        List<String> conditions = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (participantId != null) {
            conditions.add("participantId = :participant");
            parameters.and("participant", participantId);
        }
        if (status != null) {
            conditions.add("status = :status");
            parameters.and("status", status);
        }
        Sort newestFirst = Sort.descending("startedAt").and("id");
        if (conditions.isEmpty()) {
            return findAll(newestFirst);
        }
        return find(String.join(" and ", conditions), newestFirst, parameters);
    }
}
