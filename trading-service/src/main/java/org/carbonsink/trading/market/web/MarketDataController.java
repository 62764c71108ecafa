package org.carbonsink.trading.market.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.carbonsink.support.web.CsvMessageConverter;
import org.carbonsink.support.web.CsvTable;
import org.carbonsink.support.web.Page;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.support.web.Refuses;
import org.carbonsink.trading.instrument.Instruments;
import org.carbonsink.trading.market.AuctionResult;
import org.carbonsink.trading.market.BlockTradeResult;
import org.carbonsink.trading.market.DailyBar;
import org.carbonsink.trading.market.DepthLevel;
import org.carbonsink.trading.market.MarketData;
import org.carbonsink.trading.market.MarketTrade;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public market data: no token needed (carbonsink.security.public-get-paths). */
@RestController
@RequestMapping("/market")
class MarketDataController {

    /** At most a year of daily bars per request. */
    static final int MAX_DAYS = 366;

    private final MarketData market;
    private final Instruments instruments;
    private final Clock clock;

    MarketDataController(MarketData market, Instruments instruments, Clock clock) {
        this.market = market;
        this.instruments = instruments;
        this.clock = clock;
    }

    @GetMapping("/instruments/{id}/depth")
    DepthView depth(@PathVariable String id, @RequestParam(defaultValue = "10") @Min(1) @Max(100) int levels) {
        requireListed(id);
        return new DepthView(id, market.depth(id, "BUY", levels), market.depth(id, "SELL", levels));
    }

    /**
     * The depth as CSV, like every public list: one line per price level, bids then asks, each best
     * first ({@code level} 1 is the best).
     */
    @GetMapping(path = "/instruments/{id}/depth", produces = CsvMessageConverter.TEXT_CSV_VALUE)
    ResponseEntity<String> depthCsv(@PathVariable String id,
            @RequestParam(defaultValue = "10") @Min(1) @Max(100) int levels, HttpServletRequest request) {
        DepthView depth = depth(id, levels);
        List<List<?>> rows = new ArrayList<>();
        for (int i = 0; i < depth.bids().size(); i++) {
            rows.add(level("BID", i + 1, depth.bids().get(i)));
        }
        for (int i = 0; i < depth.asks().size(); i++) {
            rows.add(level("ASK", i + 1, depth.asks().get(i)));
        }
        return CsvTable.of(rows, null, List.of("side", "level", "price", "quantity", "orders"), row -> row, request);
    }

    private static List<?> level(String side, int level, DepthLevel at) {
        return List.of(side, level, at.price(), at.quantity(), at.orders());
    }

    @GetMapping("/instruments/{id}/trades")
    Page<MarketTrade> trades(@PathVariable String id,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        requireListed(id);
        return new Page<>(market.trades(id, limit, offset), limit, offset, market.countTrades(id));
    }

    /** Daily bars from {@code from} to {@code to}, trading days in Asia/Shanghai; by default the last 30 days. */
    @GetMapping("/instruments/{id}/daily")
    List<DailyBar> daily(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        requireListed(id);
        LocalDate last = to == null ? LocalDate.now(clock.withZone(MarketData.TRADING_ZONE)) : to;
        LocalDate first = from == null ? last.minusDays(29) : from;
        if (first.isAfter(last)) {
            throw ProblemException.invalidField("from", "NotAfterTo", "must not be after to (" + last + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw ProblemException.invalidField("from", "Range", "must be at most " + MAX_DAYS + " days before to");
        }
        return market.daily(id, first, last);
    }

    /** The daily bars as CSV, like every public list, with the header even when no day traded. */
    @GetMapping(path = "/instruments/{id}/daily", produces = CsvMessageConverter.TEXT_CSV_VALUE)
    ResponseEntity<String> dailyCsv(@PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            HttpServletRequest request) {
        return CsvTable.of(daily(id, from, to), null, List.of("day", "open", "high", "low", "close", "volume",
                "turnover", "trades"), bar -> List.of(bar.day(), bar.open(), bar.high(), bar.low(), bar.close(),
                        bar.volume(), bar.turnover(), bar.trades()), request);
    }

    @Refuses(HttpStatus.NOT_FOUND)
    @GetMapping("/block-trades")
    Page<BlockTradeResult> blockTrades(@RequestParam(required = false) String instrumentId,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        instruments.requireListedIfNamed(instrumentId);
        return new Page<>(market.blockTrades(instrumentId, limit, offset), limit, offset,
                market.countBlockTrades(instrumentId));
    }

    @Refuses(HttpStatus.NOT_FOUND)
    @GetMapping("/auctions")
    Page<AuctionResult> auctions(@RequestParam(required = false) String instrumentId,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        instruments.requireListedIfNamed(instrumentId);
        return new Page<>(market.auctions(instrumentId, limit, offset), limit, offset, market.countAuctions(instrumentId));
    }

    private void requireListed(String instrumentId) {
        instruments.require(instrumentId);
    }
}
