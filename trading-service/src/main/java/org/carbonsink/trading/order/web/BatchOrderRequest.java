package org.carbonsink.trading.order.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.carbonsink.trading.order.PlacingOrder;

/** Up to 1,000 orders, each placed on its own and answered on its own. */
public record BatchOrderRequest(@NotNull @Size(min = 1, max = PlacingOrder.MAX_BATCH) List<PlaceOrderRequest> orders) {
}
