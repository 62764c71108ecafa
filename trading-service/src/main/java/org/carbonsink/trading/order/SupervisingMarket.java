package org.carbonsink.trading.order;

import java.math.BigDecimal;
import org.carbonsink.support.web.Caller;
import org.carbonsink.trading.instrument.Instrument;
import org.carbonsink.trading.instrument.Instruments;
import org.springframework.stereotype.Component;

/**
 * The exchange operator's supervision of a market: halting and resuming trading, and the price band
 * around the instrument's reference price. Each is a command on the instrument's book, so it takes
 * effect between two orders, in sequence.
 */
@Component
public class SupervisingMarket {

    public static final String EXCHANGE_OPERATOR = "EXCHANGE_OPERATOR";

    private final Instruments instruments;
    private final Exchange exchange;

    SupervisingMarket(Instruments instruments, Exchange exchange) {
        this.instruments = instruments;
        this.exchange = exchange;
    }

    public Instrument halt(Caller caller, String instrumentId) {
        caller.requireRole(EXCHANGE_OPERATOR, "halt trading");
        return apply(new BookCommand.Halt(known(instrumentId)));
    }

    public Instrument resume(Caller caller, String instrumentId) {
        caller.requireRole(EXCHANGE_OPERATOR, "resume trading");
        return apply(new BookCommand.Resume(known(instrumentId)));
    }

    /** {@code referencePrice} null: no band. */
    public Instrument setBand(Caller caller, String instrumentId, BigDecimal referencePrice, int basisPoints) {
        caller.requireRole(EXCHANGE_OPERATOR, "set price bands");
        return apply(new BookCommand.SetBand(known(instrumentId), referencePrice, basisPoints));
    }

    private String known(String instrumentId) {
        return instruments.require(instrumentId).id();
    }

    private Instrument apply(BookCommand command) {
        exchange.execute(command);
        return instruments.find(command.instrumentId()).orElseThrow();
    }
}
