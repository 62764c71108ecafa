package org.carbonsink.support.web;

import java.util.List;

/** One page of a list: {@code items} from {@code offset}, at most {@code limit}, of {@code total}. */
public record Page<T>(List<T> items, int limit, long offset, long total) {

    public static final String DEFAULT_LIMIT = "50";
    public static final int MAX_LIMIT = 500;
}
