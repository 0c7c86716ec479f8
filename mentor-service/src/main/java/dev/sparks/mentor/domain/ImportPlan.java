package dev.sparks.mentor.domain;

import dev.sparks.common.problem.Problem.FieldError;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks of an import that need no database: each row normalised, and a row naming an externalId or email that
 * an earlier row of the same file already named rejected (the earlier row wins).
 */
public final class ImportPlan {

    /** A row ready to be written, its profile normalised but its availability not yet resolved. */
    public record Ready(int row, MentorProfile profile) {
    }

    private final List<Ready> ready = new ArrayList<>();
    private final List<ImportRowResult> rejected = new ArrayList<>();

    private ImportPlan() {
    }

    public static ImportPlan of(List<ImportRow> rows, LocalDate today) {
        ImportPlan plan = new ImportPlan();
        Map<String, Integer> externalIds = new HashMap<>();
        Map<String, Integer> emails = new HashMap<>();
        for (ImportRow row : rows) {
            String externalId = row.draft() == null ? null : ProfileNormaliser.trimmed(row.draft().externalId());
            if (!row.errors().isEmpty()) {
                plan.rejected.add(ImportRowResult.rejected(row.row(), externalId, row.errors()));
                continue;
            }
            ProfileNormaliser.Result result = ProfileNormaliser.normalise(row.draft(), today);
            if (!result.valid()) {
                plan.rejected.add(ImportRowResult.rejected(row.row(), externalId, result.errors()));
                continue;
            }
            MentorProfile profile = result.profile();
            List<FieldError> duplicates = new ArrayList<>();
            Integer earlier = externalIds.get(profile.externalId());
            if (earlier != null) {
                duplicates.add(new FieldError("externalId", "is the same as in row " + earlier));
            }
            Integer earlierEmail = emails.get(profile.email());
            if (earlierEmail != null) {
                duplicates.add(new FieldError("email", "is the same as in row " + earlierEmail));
            }
            if (!duplicates.isEmpty()) {
                plan.rejected.add(ImportRowResult.rejected(row.row(), profile.externalId(), duplicates));
                continue;
            }
            externalIds.put(profile.externalId(), row.row());
            emails.put(profile.email(), row.row());
            plan.ready.add(new Ready(row.row(), profile));
        }
        return plan;
    }

    public List<Ready> ready() {
        return List.copyOf(ready);
    }

    public List<ImportRowResult> rejected() {
        return List.copyOf(rejected);
    }

    /** The ready rows in batches of at most {@code size}, in row order. */
    public List<List<Ready>> batches(int size) {
        List<List<Ready>> batches = new ArrayList<>();
        for (int start = 0; start < ready.size(); start += size) {
            batches.add(List.copyOf(ready.subList(start, Math.min(ready.size(), start + size))));
        }
        return batches;
    }
}
