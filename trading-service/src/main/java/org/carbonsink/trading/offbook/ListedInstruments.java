package org.carbonsink.trading.offbook;

import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.instrument.Instrument;
import org.carbonsink.trading.instrument.Instruments;

/** The instrument an off-book deal names, or the problem {@code unknown-instrument} (422) the book also answers. */
public final class ListedInstruments {

    private ListedInstruments() {
    }

    public static Instrument require(Instruments instruments, String instrumentId) {
        return instruments.find(instrumentId).orElseThrow(() -> ProblemException.rule("unknown-instrument",
                "Unknown instrument", "no instrument " + instrumentId + " is listed").with("instrumentId", instrumentId));
    }
}
