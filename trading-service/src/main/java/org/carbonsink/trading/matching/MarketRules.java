package org.carbonsink.trading.matching;

/**
 * The operator's rules both books apply the same way: the halt switch and the price band. The band is
 * centred on the operator's reference price, or without one on the previous session's close (the last
 * trade before the latest {@link #expireDayOrders session close}); with neither there is no band, and
 * the first trade discovers the price.
 */
abstract class MarketRules implements MatchingEngineBook {

    final PriceBand band = new PriceBand();
    boolean halted;
    private long operatorReference;
    private long previousClose;
    private long lastTrade;

    /** Both books call it for every trade, before reporting it. */
    final void tradedAt(long priceFen) {
        lastTrade = priceFen;
    }

    /** Both books call it first in {@link #expireDayOrders}: the session's last trade becomes its close. */
    final void sessionClosed() {
        setPreviousClose(lastTrade);
    }

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
        requireNotNegative(priceFen, "a reference price");
        band.setReference(priceFen > 0 ? priceFen : previousClose);
        operatorReference = priceFen;
    }

    @Override
    public final void setPreviousClose(long priceFen) {
        requireNotNegative(priceFen, "a closing price");
        band.setReference(operatorReference > 0 ? operatorReference : priceFen);
        previousClose = priceFen;
    }

    @Override
    public final void setLastTradePrice(long priceFen) {
        requireNotNegative(priceFen, "a trade price");
        lastTrade = priceFen;
    }

    private static void requireNotNegative(long priceFen, String what) {
        if (priceFen < 0) {
            throw new IllegalArgumentException(what + " is 0 (none) or positive, not " + priceFen);
        }
    }

    @Override
    public final long previousClose() {
        return previousClose;
    }

    @Override
    public final long lastTradePrice() {
        return lastTrade;
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
