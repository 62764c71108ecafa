package org.carbonsink.trading.matching;

/**
 * The band of limit prices accepted around a reference price, in whole fen with integer arithmetic:
 * lower = ceil(reference × (10000 − bps) / 10000), upper = floor(reference × (10000 + bps) / 10000), so
 * a price is inside only if it is inside the exact band. Without a reference price or with 0 bps there
 * is no band: every positive price is accepted.
 */
public final class PriceBand {

    static final int WHOLE = 10_000;

    private long reference;
    private int bps;
    private long lower = 1;
    private long upper = Long.MAX_VALUE;

    /** The band of {@code basisPoints} around {@code referenceFen}, as both books compute it. */
    public static PriceBand around(long referenceFen, int basisPoints) {
        PriceBand band = new PriceBand();
        band.setBasisPoints(basisPoints);
        band.setReference(referenceFen);
        return band;
    }

    void setReference(long priceFen) {
        if (priceFen < 0) {
            throw new IllegalArgumentException("a reference price is 0 (none) or positive, not " + priceFen);
        }
        apply(priceFen, bps);
    }

    void setBasisPoints(int basisPoints) {
        if (basisPoints < 0 || basisPoints > WHOLE) {
            throw new IllegalArgumentException("a band is 0 to 10000 basis points, not " + basisPoints);
        }
        apply(reference, basisPoints);
    }

    private void apply(long newReference, int newBps) {
        long newLower = 1;
        long newUpper = Long.MAX_VALUE;
        if (newReference > 0 && newBps > 0) {
            // multiplyExact: a reference so large that the bounds overflow is refused before anything changes
            newLower = Math.max(1, -Math.floorDiv(-Math.multiplyExact(newReference, (long) WHOLE - newBps), WHOLE));
            newUpper = Math.floorDiv(Math.multiplyExact(newReference, (long) WHOLE + newBps), WHOLE);
        }
        reference = newReference;
        bps = newBps;
        lower = newLower;
        upper = newUpper;
    }

    boolean accepts(long priceFen) {
        return priceFen >= lower && priceFen <= upper;
    }

    /** The worst price a market order may trade at: the band's far side, or no limit without a band. */
    long marketLimit(Side side) {
        return side == Side.BUY ? upper : lower;
    }

    long reference() {
        return reference;
    }

    int basisPoints() {
        return bps;
    }

    public long lower() {
        return lower;
    }

    public long upper() {
        return upper;
    }
}
