package org.carbonsink.trading.instrument.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.carbonsink.support.web.Page;
import org.carbonsink.trading.instrument.Instrument;
import org.carbonsink.trading.instrument.Instruments;
import org.carbonsink.trading.instrument.PriceLimits;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public market data: what can be traded, and within which prices today. */
@RestController
@RequestMapping("/instruments")
class InstrumentController {

    private final Instruments instruments;
    private final PriceLimits.Source limits;

    InstrumentController(Instruments instruments, PriceLimits.Source limits) {
        this.instruments = instruments;
        this.limits = limits;
    }

    @GetMapping
    Page<InstrumentView> list(@RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        return new Page<>(instruments.list(limit, offset).stream().map(this::view).toList(), limit, offset,
                instruments.count());
    }

    @GetMapping("/{id}")
    InstrumentView get(@PathVariable String id) {
        return view(instruments.require(id));
    }

    private InstrumentView view(Instrument instrument) {
        return InstrumentView.of(instrument, limits.of(instrument));
    }
}
