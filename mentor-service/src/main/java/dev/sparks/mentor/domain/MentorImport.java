package dev.sparks.mentor.domain;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sparks.common.problem.ProblemException;
import dev.sparks.common.problem.ProblemType;
import dev.sparks.mentor.config.MentorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * An HR bulk import: rows checked on their own first, then upserted by external id in batches of one transaction
 * each, so good rows are applied whatever other rows hold. Re-sending a file changes nothing: every row comes back
 * unchanged and no event is written.
 */
@ApplicationScoped
public class MentorImport {

    private static final Logger LOG = Logger.getLogger(MentorImport.class);

    /** The answer, and whether it is the stored answer of an earlier request with the same Idempotency-Key. */
    public record Answer(String json, boolean replayed) {
    }

    private final MentorImportBatch batch;
    private final ImportIdempotency idempotency;
    private final MentorConfig config;
    private final ObjectMapper json;

    public MentorImport(MentorImportBatch batch, ImportIdempotency idempotency, MentorConfig config,
            ObjectMapper json) {
        this.batch = batch;
        this.idempotency = idempotency;
        this.config = config;
        this.json = json;
    }

    /**
     * @param idempotencyKey null when the client sent none
     * @param requestHash identifies the request's content, compared for a reused key
     */
    public Answer run(List<ImportRow> rows, String caller, String idempotencyKey, String requestHash) {
        int max = config.importing().maxRows();
        if (rows.size() > max) {
            throw new ProblemException(ProblemType.PAYLOAD_TOO_LARGE, "An import holds at most " + max
                    + " profiles; this one holds " + rows.size() + ". Split it into several requests.");
        }
        if (rows.isEmpty()) {
            throw ProblemException.invalid("mentors", "must hold at least one profile");
        }
        if (idempotencyKey != null) {
            Optional<String> stored = idempotency.claim(caller, idempotencyKey, requestHash);
            if (stored.isPresent()) {
                return new Answer(stored.get(), true);
            }
        }
        try {
            String answer = write(apply(rows));
            if (idempotencyKey != null) {
                idempotency.complete(caller, idempotencyKey, answer);
            }
            return new Answer(answer, false);
        } catch (RuntimeException e) {
            if (idempotencyKey != null) {
                idempotency.release(caller, idempotencyKey);
            }
            throw e;
        }
    }

    ImportReport apply(List<ImportRow> rows) {
        ImportPlan plan = ImportPlan.of(rows, LocalDate.now(ZoneOffset.UTC));
        List<ImportRowResult> results = new ArrayList<>(plan.rejected());
        for (List<ImportPlan.Ready> rowsOfBatch : plan.batches(config.importing().batchSize())) {
            try {
                results.addAll(batch.apply(rowsOfBatch));
            } catch (PersistenceException e) {
                if (!MentorProfiles.isUniqueViolation(e)) {
                    throw e;
                }
                LOG.warnf("Import batch from row %d met a concurrent change: %s", rowsOfBatch.get(0).row(), e);
                // Earlier batches stay applied; sending the same file again finishes the job without repeating it.
                throw ProblemException.conflict("Another change took an externalId or email of rows "
                        + rowsOfBatch.get(0).row() + "-" + rowsOfBatch.get(rowsOfBatch.size() - 1).row()
                        + " at the same time; the rows before were applied. Send the import again.");
            }
        }
        return ImportReport.of(results);
    }

    private String write(ImportReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The import report cannot be written as JSON", e);
        }
    }
}
