package org.carbonsink.trading.order.web;

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

    @Refuses(HttpStatus.UNPROCESSABLE_CONTENT)
    @PutMapping("/band")
    MarketStateView band(Caller caller, @PathVariable String id, @Valid @RequestBody BandRequest request) {
        return MarketStateView.of(supervising.setBand(caller, id, request.referencePrice(), request.bandBasisPoints()));
    }
}
