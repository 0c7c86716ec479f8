package dev.sparks.assessment.api;

import dev.sparks.assessment.domain.ImportOutcome;
import dev.sparks.assessment.domain.ParticipantService;
import dev.sparks.common.problem.Problem;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an import did, in total and per row (rows numbered from 0 in request order). */
@Schema(name = "ParticipantImportReport")
public record ParticipantImportReport(
        @Schema(examples = "12") int created,
        @Schema(examples = "3") int updated,
        @Schema(examples = "40") int unchanged,
        @Schema(examples = "1") int rejected,
        List<RowReport> rows) {

    public record RowReport(
            @Schema(description = "Position in the request, from 0", examples = "0") int row,
            @Schema(examples = "EMP-1042") String externalId,
            @Schema(examples = "CREATED") ImportOutcome outcome,
            @Schema(description = "Absent for a rejected row", examples = "3f1c2a9e-8b7d-4c6e-9a51-0d2b7e4f6a10")
            UUID participantId,
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
