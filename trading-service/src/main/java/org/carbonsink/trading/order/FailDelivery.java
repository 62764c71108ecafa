package org.carbonsink.trading.order;

import java.util.UUID;

/**
 * The registry could not deliver the trade's credits, for {@code reason} (text for people);
 * {@code buyersFault} when the failure is the buyer's, so the seller's hold still backs the sell order.
 */
public record FailDelivery(UUID tradeId, String reason, boolean buyersFault) {
}
