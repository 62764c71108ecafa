package org.carbonsink.registry.ledger.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list paged by keyset: at most {@code limit} items; {@code next} is the {@code after}
 * value of the following page, or null on the last one; {@code total} counts the whole list where
 * counting is cheap (else null).
 */
record CursorPage<T>(List<T> items, int limit, String next, Long total) {

    static final String DEFAULT_LIMIT = "50";
    static final int MAX_LIMIT = 500;

    /** A page from {@code limit + 1} fetched rows: the extra one only says that there is a next page. */
    static <R, T> CursorPage<T> of(List<R> fetched, int limit, Function<R, String> cursorOf, Function<R, T> view,
            Long total) {
        boolean more = fetched.size() > limit;
        List<R> page = more ? fetched.subList(0, limit) : fetched;
        return new CursorPage<>(page.stream().map(view).toList(), limit,
                more ? cursorOf.apply(page.get(page.size() - 1)) : null, total);
    }
}
