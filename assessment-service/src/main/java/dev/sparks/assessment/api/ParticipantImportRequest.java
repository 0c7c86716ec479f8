package dev.sparks.assessment.api;

import jakarta.validation.constraints.NotNull;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Participants from an HR system, up to 5,000 rows per request. Rows are checked one by one and reported in the
 * answer, so one bad row never stops the others.
 */
@Schema(name = "ParticipantImport")
public record ParticipantImportRequest(@NotNull(message = "is required") List<Row> rows) {

    /** One person as HR knows them; {@code externalId} is HR's key and makes the import an upsert. */
    @Schema(name = "ParticipantImportRow")
    public record Row(
            @Schema(example = "EMP-1042") String externalId,
            @Schema(example = "Ada Lovelace") String name,
            @Schema(example = "ada@sparks.test") String email,
            @Schema(example = "Engineering") String department,
            @Schema(example = "EMP-0007") String managerExternalId) {
    }
}
