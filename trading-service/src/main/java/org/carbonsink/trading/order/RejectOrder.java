package org.carbonsink.trading.order;

import java.util.UUID;

/** The registry would not hold the credits of the sell order, for {@code reason}. */
public record RejectOrder(UUID orderId, String reason) {
}
