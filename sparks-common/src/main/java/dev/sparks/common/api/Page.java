package dev.sparks.common.api;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a listing, the same shape in every service.
 *
 * @param page zero-based page number
 * @param total how many items all pages hold together
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
