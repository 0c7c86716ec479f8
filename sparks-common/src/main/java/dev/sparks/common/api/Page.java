package dev.sparks.common.api;

import java.util.List;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One page of a listing, the same shape in every service.
 *
 * @param page zero-based page number
 * @param total how many items all pages hold together
 */
public record Page<T>(
        List<T> items,
        @Schema(description = "Zero-based page number", examples = "0") int page,
        @Schema(description = "Items per page", examples = "20") int size,
        @Schema(description = "How many items all pages hold together", examples = "57") long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
