package org.carbonsink.trading.order.web;

import java.math.BigDecimal;
import org.carbonsink.trading.instrument.Instrument;

/**
 * The rules an instrument's market runs under after the operator's act: halted or not, and the price
 * band around the reference price (basis points; 1000 = ±10%).
 */
record MarketStateView(String id, boolean halted, BigDecimal referencePrice, int bandBasisPoints) {

    static MarketStateView of(Instrument instrument) {
        return new MarketStateView(instrument.id(), instrument.halted(), instrument.referencePrice(),
                instrument.bandBasisPoints());
    }
}
