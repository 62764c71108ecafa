package org.carbonsink.trading.instrument.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.trading.instrument.Instrument;

/** An instrument and the rules its market runs under now: halted or not, and the price band. */
public record InstrumentView(String id, UUID projectId, String projectCode, int vintage, long issuedQuantity,
        Instant listedAt, boolean halted, BigDecimal referencePrice, int bandBasisPoints) {

    public static InstrumentView of(Instrument i) {
        return new InstrumentView(i.id(), i.projectId(), i.projectCode(), i.vintage(), i.issuedQuantity(), i.listedAt(),
                i.halted(), i.referencePrice(), i.bandBasisPoints());
    }
}
