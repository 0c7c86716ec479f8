package dev.sparks.assessment.api;

import dev.sparks.assessment.domain.ImportOutcome;
import dev.sparks.assessment.domain.ParticipantService;
import dev.sparks.common.problem.Problem;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, in total and per row (rows numbered from 0 in request order). */
@Schema(name = "ParticipantImportReport")
public record ParticipantImportReport(int created, int updated, int unchanged, int rejected, List<RowReport> rows) {

    public record RowReport(int row, String externalId, ImportOutcome outcome, UUID participantId,
            List<Problem.FieldError> errors) {
    }

    static ParticipantImportReport of(List<ParticipantService.RowResult> results) {
        List<RowReport> rows = results.stream()
                .map(r -> new RowReport(r.row(), r.externalId(), r.outcome(), r.participantId(),
                        r.errors().stream().map(e -> new Problem.FieldError(e.field(), e.message())).toList()))
                .toList();
        return new ParticipantImportReport(count(results, ImportOutcome.CREATED), count(results, ImportOutcome.UPDATED),
                count(results, ImportOutcome.UNCHANGED), count(results, ImportOutcome.REJECTED), rows);
    }

    private static int count(List<ParticipantService.RowResult> results, ImportOutcome outcome) {
        return (int) results.stream().filter(r -> r.outcome() == outcome).count();
    }
}
