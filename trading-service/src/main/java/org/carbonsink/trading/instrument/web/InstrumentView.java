package org.carbonsink.trading.instrument.web;

import java.time.Instant;
import java.util.UUID;
import org.carbonsink.trading.instrument.Instrument;

public record InstrumentView(String id, UUID projectId, String projectCode, int vintage, long issuedQuantity,
        Instant listedAt) {

    static InstrumentView of(Instrument i) {
        return new InstrumentView(i.id(), i.projectId(), i.projectCode(), i.vintage(), i.issuedQuantity(), i.listedAt());
    }
}
