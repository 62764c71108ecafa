package org.carbonsink.trading.order.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.Page;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.order.CancellingOrder;
import org.carbonsink.trading.order.CancellingOrder.CancelOrder;
import org.carbonsink.trading.order.Order;
import org.carbonsink.trading.order.OrderStatus;
import org.carbonsink.trading.order.Orders;
import org.carbonsink.trading.order.PlaceOrder;
import org.carbonsink.trading.order.PlacingOrder;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A participant's own orders. */
@RestController
@RequestMapping("/orders")
class OrderController {

    private final PlacingOrder placing;
    private final CancellingOrder cancelling;
    private final Orders orders;

    OrderController(PlacingOrder placing, CancellingOrder cancelling, Orders orders) {
        this.placing = placing;
        this.cancelling = cancelling;
        this.orders = orders;
    }

    @PostMapping("/{id}/cancellation")
    OrderView cancel(Caller caller, @PathVariable UUID id) {
        return OrderView.of(cancelling.cancel(new CancelOrder(id, caller.participantId())));
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    OrderView place(Caller caller, @Valid @RequestBody PlaceOrderRequest request) {
        return OrderView.of(placing.place(new PlaceOrder(caller.participantId(), request.instrumentId(), request.side(),
                request.quantity(), request.limitPrice())));
    }

    @GetMapping("/{id}")
    OrderView get(Caller caller, @PathVariable UUID id) {
        Order order = orders.find(id).orElseThrow(() -> ProblemException.notFound("order", id));
        if (!order.participantId().equals(caller.participantId())) {
            throw ProblemException.forbidden("an order is visible to the participant who placed it only");
        }
        return OrderView.of(order);
    }

    @GetMapping
    Page<OrderView> list(Caller caller, @RequestParam(required = false) OrderStatus status,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        return new Page<>(orders.of(caller.participantId(), status, limit, offset).stream().map(OrderView::of).toList(),
                limit, offset, orders.countOf(caller.participantId(), status));
    }
}
