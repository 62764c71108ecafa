package org.carbonsink.trading.order;

import java.util.UUID;

/** The registry holds {@code heldQuantity} credits for the sell order. */
public record OpenHeldOrder(UUID orderId, long heldQuantity) {
}
