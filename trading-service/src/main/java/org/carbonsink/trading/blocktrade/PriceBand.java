package org.carbonsink.trading.blocktrade;

import java.math.BigDecimal;

/**
 * The prices allowed around a reference price: reference × (1 − share) to reference × (1 + share),
 * both ends included. Computed exactly (a price in fen times a share of four decimals), never rounded,
 * so a price one fen outside the band is outside.
 */
public record PriceBand(BigDecimal reference, BigDecimal share) {

    public PriceBand {
        if (reference.signum() <= 0 || share.signum() <= 0 || share.compareTo(BigDecimal.ONE) >= 0) {
            throw new IllegalArgumentException("a band is a share in (0, 1) of a positive reference price, not "
                    + share + " of " + reference);
        }
    }

    public BigDecimal lower() {
        return plain(reference.multiply(BigDecimal.ONE.subtract(share)));
    }

    public BigDecimal upper() {
        return plain(reference.multiply(BigDecimal.ONE.add(share)));
    }

    /** The exact value with no trailing zeros beyond the fen: 35.00, 43.329. */
    private static BigDecimal plain(BigDecimal exact) {
        BigDecimal stripped = exact.stripTrailingZeros();
        return stripped.scale() < 2 ? stripped.setScale(2) : stripped;
    }

    public boolean admits(BigDecimal price) {
        return price.compareTo(lower()) >= 0 && price.compareTo(upper()) <= 0;
    }
}
