package org.carbonsink.trading.trade.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.UUID;
import org.carbonsink.support.web.Page;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.trade.Trades;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public market data: executed trades, newest first. */
@RestController
@RequestMapping("/trades")
class TradeController {

    private final Trades trades;

    TradeController(Trades trades) {
        this.trades = trades;
    }

    @GetMapping
    Page<TradeView> list(@RequestParam(required = false) String instrumentId,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        return new Page<>(trades.list(instrumentId, limit, offset).stream().map(TradeView::of).toList(), limit, offset,
                trades.count(instrumentId));
    }

    @GetMapping("/{id}")
    TradeView get(@PathVariable UUID id) {
        return trades.find(id).map(TradeView::of).orElseThrow(() -> ProblemException.notFound("trade", id));
    }
}
