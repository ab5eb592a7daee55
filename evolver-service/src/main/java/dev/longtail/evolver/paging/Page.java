package dev.longtail.evolver.paging;

import java.util.List;
import java.util.function.Function;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One page of a list endpoint: its items, where it is, how many items the whole list has, and the number of the next
 * page ({@code next} is left out on the last page).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Page<T>(List<T> items, int page, int size, long total, Integer next) {

    /** The page of {@code items} (this page's only) out of {@code total}. */
    public static <T> Page<T> of(List<T> items, PageRequest request, long total) {
        boolean more = request.offset() + items.size() < total;
        return new Page<>(List.copyOf(items), request.page(), request.size(), total, more ? request.page() + 1 : null);
    }

    /** A page of a list already in memory (small lists: seed sets). */
    public static <T> Page<T> slice(List<T> all, PageRequest request) {
        int from = (int) Math.min(all.size(), request.offset());
        int to = (int) Math.min(all.size(), request.offset() + request.size());
        return of(all.subList(from, to), request, all.size());
    }

    /** The same page with each item mapped. */
    public <R> Page<R> map(Function<T, R> mapping) {
        return new Page<>(items.stream().map(mapping).toList(), page, size, total, next);
    }
}
