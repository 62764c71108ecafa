package org.carbonsink.trading.order.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.trading.order.OrderStatus;

/**
 * The lean answer to a batch, for a client that sends {@code Prefer: return=minimal} (RFC 7240): each
 * placed order as its id and state only, each refused one with its problem. About a seventh of the full
 * answer's size, which the full orders made the larger part of a batch's cost (docs/benchmarks.md).
 */
public record BatchOrderSummary(int placed, int refused, List<Item> results) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Item(int index, int status, UUID id, OrderStatus orderStatus, Map<String, Object> problem) {
    }
}
