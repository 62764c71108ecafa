package org.carbonsink.trading.order.web;

import java.util.List;
import java.util.Map;

/**
 * The answer to each order of a batch, in the order given: {@code status} 201 with the order, or the
 * status and RFC 9457 problem the order would have got on its own.
 */
public record BatchOrderView(int placed, int refused, List<Item> results) {

    public record Item(int index, int status, OrderView order, Map<String, Object> problem) {
    }
}
