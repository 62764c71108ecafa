package org.carbonsink.trading.trade.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.CallerResolver;
import org.carbonsink.support.web.Page;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.support.web.Refuses;
import org.carbonsink.trading.instrument.Instruments;
import org.carbonsink.trading.trade.Trade;
import org.carbonsink.trading.trade.Trades;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
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
    private final Instruments instruments;
    private final String operatorRole;

    TradeController(Trades trades, Instruments instruments,
            @Value("${carbonsink.admin.role:EXCHANGE_OPERATOR}") String operatorRole) {
        this.trades = trades;
        this.instruments = instruments;
        this.operatorRole = operatorRole;
    }

    @Refuses(HttpStatus.NOT_FOUND)
    @GetMapping
    Page<TradeView> list(@RequestParam(required = false) String instrumentId,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        instruments.requireListedIfNamed(instrumentId);
        Optional<Caller> caller = CallerResolver.current();
        return new Page<>(trades.list(instrumentId, limit, offset).stream()
                .map(t -> TradeView.of(t, mayReadDetail(caller, t))).toList(), limit, offset, trades.count(instrumentId));
    }

    @GetMapping("/{id}")
    TradeView get(@PathVariable UUID id) {
        Trade trade = trades.find(id).orElseThrow(() -> ProblemException.notFound("trade", id));
        return TradeView.of(trade, mayReadDetail(CallerResolver.current(), trade));
    }

    /** The detail of a failure names accounts and holds: for the trade's parties and the operator only. */
    private boolean mayReadDetail(Optional<Caller> caller, Trade trade) {
        return caller.map(c -> c.has(operatorRole) || trade.isParty(c.participantId())).orElse(false);
    }
}
