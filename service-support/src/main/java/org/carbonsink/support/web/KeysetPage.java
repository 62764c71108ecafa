package org.carbonsink.support.web;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list in key order: at most {@code limit} {@code items}; {@code next} is the cursor
 * for the following page ({@code ?after=<next>}), null on the last page. A client pages through
 * any length of list at the cost of an index seek per page, never an offset scan, and sees no
 * item twice when items are added meanwhile.
 */
public record KeysetPage<T>(List<T> items, int limit, String next) {

    public static final String DEFAULT_LIMIT = "50";
    public static final int MAX_LIMIT = 500;

    public KeysetPage {
        items = List.copyOf(items);
    }

    /**
     * The page of {@code fetched}, which the caller read with {@code limit + 1} rows so that one
     * more row tells whether a next page exists; {@code key} gives an item's cursor.
     */
    public static <S, T> KeysetPage<T> of(List<S> fetched, int limit, Function<S, String> key, Function<S, T> view) {
        boolean more = fetched.size() > limit;
        List<S> page = more ? fetched.subList(0, limit) : fetched;
        String next = more ? key.apply(page.get(page.size() - 1)) : null;
        return new KeysetPage<>(page.stream().map(view).toList(), limit, next);
    }
}
