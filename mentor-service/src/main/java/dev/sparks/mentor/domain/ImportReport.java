package dev.sparks.mentor.domain;

import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to an import: how many rows had each outcome, and every row's result in row order. */
public record ImportReport(
        @Schema(examples = "25") int total,
        @Schema(examples = "4") int created,
        @Schema(examples = "2") int updated,
        @Schema(examples = "18") int unchanged,
        @Schema(examples = "1") int rejected,
        List<ImportRowResult> rows) {

    public static ImportReport of(List<ImportRowResult> results) {
        List<ImportRowResult> rows = results.stream().sorted(Comparator.comparingInt(ImportRowResult::row)).toList();
        return new ImportReport(rows.size(), count(rows, ImportOutcome.CREATED), count(rows, ImportOutcome.UPDATED),
                count(rows, ImportOutcome.UNCHANGED), count(rows, ImportOutcome.REJECTED), rows);
    }

    private static int count(List<ImportRowResult> rows, ImportOutcome outcome) {
        return (int) rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
