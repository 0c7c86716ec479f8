package dev.sparks.mentor.domain;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sparks.common.problem.Problem.FieldError;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer for one row of an import.
 *
 * @param row 1-based position among the profiles (the JSON array's elements, or the CSV's data rows)
 * @param errors why a row was rejected, field by field
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ImportRowResult(
        @Schema(examples = "1") int row,
        @Schema(examples = "HR-10042") String externalId,
        @Schema(examples = "CREATED") ImportOutcome outcome,
        @Schema(description = "Absent for a rejected row", examples = "7b0c6d1e-2f3a-4b5c-8d9e-0a1b2c3d4e5f")
        UUID mentorId,
        List<FieldError> errors) {

    public static ImportRowResult rejected(int row, String externalId, List<FieldError> errors) {
        return new ImportRowResult(row, externalId, ImportOutcome.REJECTED, null, List.copyOf(errors));
    }

    public static ImportRowResult rejected(int row, String externalId, String field, String message) {
        return rejected(row, externalId, List.of(new FieldError(field, message)));
    }
}
