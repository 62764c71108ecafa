package org.carbonsink.trading.order.web;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.Refuses;
import org.carbonsink.trading.order.SupervisingMarket;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The exchange operator halts and resumes an instrument's trading and sets its price band. */
@RestController
@RequestMapping("/instruments/{id}")
class MarketSupervisionController {

    /** The rule of the band's reference price, as the API description states it (docs/exchange-engine.md). */
    static final String BAND_RULE = "Limit prices (and a market order's worst price) must lie within ± bandBasisPoints"
            + " (1000 = ±10%) of the reference price. The reference is the operator's referencePrice; without one"
            + " (null), the previous session's closing price: the last book trade before the latest session close"
            + " (15:00 Asia/Shanghai, when DAY orders expire). An instrument that never traded before the current"
            + " session and has no operator reference has no band: its first trades discover the price. A refusal"
            + " is 422 price-outside-band with lowerBand, upperBand, referencePrice and referenceSource (OPERATOR or"
            + " PREVIOUS_CLOSE).";


    private final SupervisingMarket supervising;

    MarketSupervisionController(SupervisingMarket supervising) {
        this.supervising = supervising;
    }

    @PostMapping("/halt")
    MarketStateView halt(Caller caller, @PathVariable String id) {
        return MarketStateView.of(supervising.halt(caller, id));
    }

    @PostMapping("/resume")
    MarketStateView resume(Caller caller, @PathVariable String id) {
        return MarketStateView.of(supervising.resume(caller, id));
    }

    @Operation(summary = "Set the price band", description = BAND_RULE)
    @Refuses(HttpStatus.UNPROCESSABLE_CONTENT)
    @PutMapping("/band")
    MarketStateView band(Caller caller, @PathVariable String id, @Valid @RequestBody BandRequest request) {
        return MarketStateView.of(supervising.setBand(caller, id, request.referencePrice(), request.bandBasisPoints()));
    }
}
