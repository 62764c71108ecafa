package org.carbonsink.trading.order.web;

import java.util.List;
import org.carbonsink.trading.instrument.Instruments;
import org.carbonsink.trading.matching.Side;
import org.carbonsink.trading.order.Orders;
import org.carbonsink.trading.order.Orders.PriceLevel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Public market data: the depth of an instrument's order book. */
@RestController
class BookController {

    private final Instruments instruments;
    private final Orders orders;

    BookController(Instruments instruments, Orders orders) {
        this.instruments = instruments;
        this.orders = orders;
    }

    @GetMapping("/instruments/{id}/book")
    BookView book(@PathVariable String id) {
        instruments.require(id);
        List<PriceLevel> depth = orders.depth(id);
        return new BookView(id, levels(depth, Side.BUY), levels(depth, Side.SELL));
    }

    private static List<BookView.Level> levels(List<PriceLevel> depth, Side side) {
        return depth.stream().filter(level -> level.side() == side)
                .map(level -> new BookView.Level(level.price(), level.quantity(), level.orders())).toList();
    }
}
