package dev.sparks.mentor.domain;

import dev.sparks.common.problem.ProblemException;
import dev.sparks.mentor.config.MentorConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The memory behind the Idempotency-Key header of imports, per caller: the first request with a key claims it, and
 * its answer is stored when it is done; a retry with the same key and the same body gets that answer again without
 * anything being applied twice. Each step commits on its own, so a claim is visible to a concurrent retry at once.
 */
@ApplicationScoped
public class ImportIdempotency {

    private final EntityManager entityManager;
    private final MentorConfig config;

    public ImportIdempotency(EntityManager entityManager, MentorConfig config) {
        this.entityManager = entityManager;
        this.config = config;
    }

    /**
     * @return the stored answer when this key was already used for the same request, empty when the caller may go on
     * @throws ProblemException 422 when the key was used for a different body, 409 while the first request runs
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<String> claim(String caller, String key, String requestHash) {
        entityManager.createNativeQuery("delete from mentor_import_request where caller = ?1 and idempotency_key = ?2"
                        + " and created_at < ?3")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, expiredBefore())
                .executeUpdate();
        int claimed = entityManager.createNativeQuery("insert into mentor_import_request (caller, idempotency_key,"
                        + " request_hash) values (?1, ?2, ?3) on conflict do nothing")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, requestHash)
                .executeUpdate();
        if (claimed == 1) {
            return Optional.empty();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> found = entityManager.createNativeQuery("select request_hash, response"
                        + " from mentor_import_request where caller = ?1 and idempotency_key = ?2")
                .setParameter(1, caller).setParameter(2, key)
                .getResultList();
        if (found.isEmpty()) {
            throw ProblemException.conflict("The request with this Idempotency-Key was just abandoned; send it again");
        }
        if (!requestHash.equals(found.get(0)[0])) {
            throw ProblemException.unprocessable("This Idempotency-Key was already used for a different request;"
                    + " use a new key for a new import", List.of());
        }
        if (found.get(0)[1] == null) {
            throw ProblemException.conflict("A request with this Idempotency-Key is still being processed");
        }
        return Optional.of((String) found.get(0)[1]);
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void complete(String caller, String key, String response) {
        entityManager.createNativeQuery("update mentor_import_request set response = ?3"
                        + " where caller = ?1 and idempotency_key = ?2")
                .setParameter(1, caller).setParameter(2, key).setParameter(3, response)
                .executeUpdate();
    }

    /** Frees the key of a request that failed, so its retry runs. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void release(String caller, String key) {
        entityManager.createNativeQuery("delete from mentor_import_request where caller = ?1"
                        + " and idempotency_key = ?2 and response is null")
                .setParameter(1, caller).setParameter(2, key)
                .executeUpdate();
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void purgeExpired() {
        entityManager.createNativeQuery("delete from mentor_import_request where created_at < ?1")
                .setParameter(1, expiredBefore())
                .executeUpdate();
    }

    private Instant expiredBefore() {
        return Instant.now().minus(config.importing().idempotencyRetention());
    }
}
