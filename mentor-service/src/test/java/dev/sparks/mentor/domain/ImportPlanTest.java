package dev.sparks.mentor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sparks.common.problem.Problem.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ImportPlanTest {

    static ProfileDraft row(String externalId, String email) {
        return new ProfileDraft(externalId, "Name " + externalId, email, "BUSINESS", null, List.of("en"), "UTC", null,
                Map.of(), List.of(), 2, null, null, List.of());
    }

    @Test
    void laterRowsRepeatingAnExternalIdOrEmailAreRejectedAndTheRestBatched() {
        List<ImportRow> rows = new ArrayList<>();
        rows.add(ImportRow.of(1, row("A", "a@x.test")));
        rows.add(ImportRow.of(2, row("A", "other@x.test")));
        rows.add(ImportRow.of(3, row("B", "A@X.test")));
        rows.add(ImportRow.unreadable(4, List.of(new FieldError("capacity", "must be a whole number"))));
        rows.add(ImportRow.of(5, row("C", "bad")));
        for (int i = 6; i <= 10; i++) {
            rows.add(ImportRow.of(i, row("R" + i, "r" + i + "@x.test")));
        }
        ImportPlan plan = ImportPlan.of(rows, LocalDate.of(2030, 1, 1));
        assertThat(plan.rejected()).extracting(ImportRowResult::row).containsExactly(2, 3, 4, 5);
        assertThat(plan.rejected().get(0).errors()).containsExactly(
                new FieldError("externalId", "is the same as in row 1"));
        assertThat(plan.rejected().get(1).errors()).containsExactly(new FieldError("email", "is the same as in row 1"));
        assertThat(plan.batches(2)).hasSize(3);
        assertThat(plan.batches(2).get(2)).extracting(ImportPlan.Ready::row).containsExactly(9, 10);
        ImportReport report = ImportReport.of(plan.rejected());
        assertThat(report.rejected()).isEqualTo(4);
        assertThat(report.total()).isEqualTo(4);
    }
}
