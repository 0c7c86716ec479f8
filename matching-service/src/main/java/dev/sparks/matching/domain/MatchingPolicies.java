package dev.sparks.matching.domain;

import dev.sparks.common.problem.Problem;
import dev.sparks.common.problem.ProblemException;
import dev.sparks.common.problem.ProblemType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** The versioned matching policy: read the current one, or add a new version. Old versions stay for the record. */
@ApplicationScoped
public class MatchingPolicies {

    private final PolicyRepository policies;

    public MatchingPolicies(PolicyRepository policies) {
        this.policies = policies;
    }

    @Transactional
    public PolicyVersion current() {
        return policies.current();
    }

    /**
     * @param expectedVersion from If-Match: when given, the change applies only on top of that version (412)
     */
    @Transactional
    public PolicyVersion change(PolicyVersion.Weights weights, Long expectedVersion, String changedBy) {
        PolicyVersion current = policies.current();
        if (expectedVersion != null && expectedVersion != current.version) {
            throw new ProblemException(ProblemType.PRECONDITION_FAILED, "The policy is at version "
                    + current.version + ", not " + expectedVersion + "; read it again and retry");
        }
        MatchingPolicy proposed = weights.withVersion(current.version + 1);
        List<Problem.FieldError> errors = proposed.validate().stream()
                .map(error -> new Problem.FieldError(error.field(), error.message()))
                .toList();
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        PolicyVersion next = new PolicyVersion();
        next.version = current.version + 1;
        next.weights = weights;
        next.createdAt = Instant.now();
        next.createdBy = changedBy;
        try {
            policies.persist(next);
            policies.flush();
        } catch (PersistenceException concurrentChange) {
            throw ProblemException.conflict("The policy was changed by someone else at the same time; read it again");
        }
        return next;
    }
}
