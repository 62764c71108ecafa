package org.carbonsink.trading.order;

import java.util.UUID;

/** The registry could not deliver the trade's credits, for {@code reason}. */
public record FailDelivery(UUID tradeId, String reason) {
}
