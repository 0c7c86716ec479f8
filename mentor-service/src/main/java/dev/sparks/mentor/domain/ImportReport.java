package dev.sparks.mentor.domain;

import java.util.Comparator;
import java.util.List;

/** The answer to an import: how many rows had each outcome, and every row's result in row order. */
public record ImportReport(int total, int created, int updated, int unchanged, int rejected,
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
