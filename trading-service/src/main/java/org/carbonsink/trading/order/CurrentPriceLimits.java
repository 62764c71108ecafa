package org.carbonsink.trading.order;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import org.carbonsink.trading.instrument.Instrument;
import org.carbonsink.trading.instrument.PriceLimits;
import org.carbonsink.trading.matching.PriceBand;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The band a limit price is checked against now, for anyone to read before placing an order: the operator's
 * reference, else the previous session's close (the last book trade before the latest session close, as
 * {@link PlacingOrder} and the book take it), with the engine's own band arithmetic.
 */
@Component
class CurrentPriceLimits implements PriceLimits.Source {

    private final JdbcClient jdbc;
    private final TradingRules rules;
    private final Clock clock;

    CurrentPriceLimits(JdbcClient jdbc, TradingRules rules, Clock clock) {
        this.jdbc = jdbc;
        this.rules = rules;
        this.clock = clock;
    }

    @Override
    public PriceLimits of(Instrument instrument) {
        boolean operator = instrument.referencePrice() != null;
        BigDecimal reference = operator ? instrument.referencePrice() : previousClose(instrument.id());
        if (reference == null) {
            return PriceLimits.NONE;
        }
        String source = operator ? "OPERATOR" : "PREVIOUS_CLOSE";
        if (instrument.bandBasisPoints() == 0) {
            return new PriceLimits(reference, source, null, null);
        }
        // the books' own band arithmetic, without a book to hold it
        PriceBand band = PriceBand.around(Money.fen(reference, "referencePrice"), instrument.bandBasisPoints());
        return new PriceLimits(reference, source, Money.of(band.lower()), Money.of(band.upper()));
    }

    /**
     * The previous session's close: the price of the instrument's last book trade before the latest session
     * close (failed deliveries included: the book found that price), or null when it never traded before.
     * The one query of it for the band checks outside the book ({@link PlacingOrder} reads it too).
     */
    BigDecimal previousClose(String instrumentId) {
        return jdbc.sql("""
                select price from trade where instrument_id = :id and venue = 'BOOK' and executed_at < :sessionStart
                order by seq desc limit 1
                """).param("id", instrumentId)
                .param("sessionStart", Timestamp.from(rules.lastSessionClose(clock.instant())))
                .query(BigDecimal.class).optional().orElse(null);
    }
}
