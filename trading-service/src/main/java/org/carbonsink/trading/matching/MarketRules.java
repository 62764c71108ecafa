package org.carbonsink.trading.matching;

/** The operator's rules both books apply the same way: the halt switch and the price band. */
abstract class MarketRules implements MatchingEngineBook {

    final PriceBand band = new PriceBand();
    boolean halted;

    /** Why a limit price is refused, or null when it is accepted. */
    final RejectReason refusal(long priceFen) {
        if (priceFen <= 0) {
            return RejectReason.INVALID_PRICE;
        }
        return band.accepts(priceFen) ? null : RejectReason.PRICE_OUTSIDE_BAND;
    }

    @Override
    public final void halt() {
        halted = true;
    }

    @Override
    public final void resume() {
        halted = false;
    }

    @Override
    public final boolean halted() {
        return halted;
    }

    @Override
    public final void setReferencePrice(long priceFen) {
        band.setReference(priceFen);
    }

    @Override
    public final void setBandBasisPoints(int bps) {
        band.setBasisPoints(bps);
    }

    @Override
    public final long referencePrice() {
        return band.reference();
    }

    @Override
    public final int bandBasisPoints() {
        return band.basisPoints();
    }

    @Override
    public final long lowerBandFen() {
        return band.lower();
    }

    @Override
    public final long upperBandFen() {
        return band.upper();
    }
}
