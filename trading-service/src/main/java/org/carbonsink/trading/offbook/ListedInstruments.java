package org.carbonsink.trading.offbook;

import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.instrument.Instrument;
import org.carbonsink.trading.instrument.Instruments;

/**
 * The instrument an off-book deal names, or the problem {@code unknown-instrument} (422) the book also answers; and
 * for a deal that commits cash or credits now, one the exchange operator has not halted ({@code instrument-halted},
 * 409, as the book refuses orders): a halt stops every venue of the instrument, not only its book.
 */
public final class ListedInstruments {

    private ListedInstruments() {
    }

    public static Instrument require(Instruments instruments, String instrumentId) {
        return instruments.find(instrumentId).orElseThrow(() -> ProblemException.rule("unknown-instrument",
                "Unknown instrument", "no instrument " + instrumentId + " is listed").with("instrumentId", instrumentId));
    }

    /** {@link #require}, refused while the instrument is halted. */
    public static Instrument requireTrading(Instruments instruments, String instrumentId) {
        Instrument instrument = require(instruments, instrumentId);
        if (instrument.halted()) {
            throw ProblemException.conflict("instrument-halted", "Trading halted", "the exchange operator halted trading in "
                    + instrumentId + "; no deal on any venue is made until it resumes").with("instrumentId", instrumentId);
        }
        return instrument;
    }
}
