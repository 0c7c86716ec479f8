package dev.sparks.mentor.domain;

import dev.sparks.common.problem.Problem.FieldError;
import java.util.List;

/**
 * One row of an import as read from the request: a draft, or the reasons it could not even be read (a cell that is
 * not a number, a JSON value of the wrong type).
 */
public record ImportRow(int row, ProfileDraft draft, List<FieldError> errors) {

    public static ImportRow of(int row, ProfileDraft draft) {
        return new ImportRow(row, draft, List.of());
    }

    public static ImportRow unreadable(int row, List<FieldError> errors) {
        return new ImportRow(row, null, List.copyOf(errors));
    }
}
