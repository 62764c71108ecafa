package org.carbonsink.trading.matching;

/** The book the exchange runs. For now it hands every command to the reference book; the array-based book replaces this. */
public final class FastOrderBook implements MatchingEngineBook {

    private final NaiveOrderBook book = new NaiveOrderBook();

    @Override
    public void place(long orderId, long participant, Side side, OrderType type, TimeInForce tif, long priceFen, long quantity, BookEvents events) {
        book.place(orderId, participant, side, type, tif, priceFen, quantity, events);
    }

    @Override
    public void cancel(long orderId, BookEvents events) {
        book.cancel(orderId, events);
    }

    @Override
    public void amend(long orderId, long newPriceFen, long newQuantity, BookEvents events) {
        book.amend(orderId, newPriceFen, newQuantity, events);
    }

    @Override
    public void expireDayOrders(BookEvents events) {
        book.expireDayOrders(events);
    }

    @Override
    public void halt() {
        book.halt();
    }

    @Override
    public void resume() {
        book.resume();
    }

    @Override
    public boolean halted() {
        return book.halted();
    }

    @Override
    public void setReferencePrice(long priceFen) {
        book.setReferencePrice(priceFen);
    }

    @Override
    public void setBandBasisPoints(int bps) {
        book.setBandBasisPoints(bps);
    }

    @Override
    public long referencePrice() {
        return book.referencePrice();
    }

    @Override
    public int bandBasisPoints() {
        return book.bandBasisPoints();
    }

    @Override
    public long lowerBandFen() {
        return book.lowerBandFen();
    }

    @Override
    public long upperBandFen() {
        return book.upperBandFen();
    }

    @Override
    public long bestBid() {
        return book.bestBid();
    }

    @Override
    public long bestAsk() {
        return book.bestAsk();
    }

    @Override
    public int orderCount() {
        return book.orderCount();
    }

    @Override
    public void forEachLevel(Side side, LevelVisitor visitor) {
        book.forEachLevel(side, visitor);
    }

    @Override
    public void forEachOrder(Side side, OrderVisitor visitor) {
        book.forEachOrder(side, visitor);
    }

    @Override
    public boolean contains(long orderId) {
        return book.contains(orderId);
    }

    @Override
    public long openQuantity(long orderId) {
        return book.openQuantity(orderId);
    }

}
