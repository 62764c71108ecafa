package org.carbonsink.trading.instrument;

import java.math.BigDecimal;

/**
 * The price band of an instrument's continuous market as the book applies it now: the reference price in
 * effect, where it comes from ({@code OPERATOR} or {@code PREVIOUS_CLOSE}, the words of the
 * {@code price-outside-band} refusal) and the lowest and highest limit price accepted. All null when there
 * is no reference yet (never traded before this session, no operator reference); the bounds are null when
 * the band is 0 basis points.
 */
public record PriceLimits(BigDecimal referencePrice, String referenceSource, BigDecimal lowerBand,
        BigDecimal upperBand) {

    public static final PriceLimits NONE = new PriceLimits(null, null, null, null);

    /** Today's limits of an instrument, answered by the order book's side of the service. */
    public interface Source {
        PriceLimits of(Instrument instrument);
    }
}
