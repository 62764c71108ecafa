/**
 * The matching engine: one order book per instrument with price-time priority. Plain Java, no Spring,
 * no storage and no clock: the caller stamps times. A book is owned by one thread; given the same
 * commands in the same order it reports the same events and ends in the same state.
 *
 * <h2>The engine ({@link org.carbonsink.trading.matching.MatchingEngineBook})</h2>
 * Prices are whole fen ({@code long}), quantities whole credits ({@code long}), order ids and
 * participants {@code long}s chosen by the caller. Every command reports what it did through
 * {@link org.carbonsink.trading.matching.BookEvents} before it returns, each event after the change it
 * describes (a listener may query the book, but must not send it commands). {@code bestBid()} of a
 * book without bids is {@code Long.MIN_VALUE} ({@code NO_BID}), {@code bestAsk()} without asks
 * {@code Long.MAX_VALUE} ({@code NO_ASK}).
 * {@link org.carbonsink.trading.matching.FastOrderBook} is the book the exchange runs;
 * {@link org.carbonsink.trading.matching.NaiveOrderBook} is the obviously-correct reference it is
 * tested against (one abstract table-driven suite on both, and a randomized differential test that
 * compares their events and books after every command). The fast book allocates nothing per command
 * once its arrays are large enough; its throughput is measured with JMH (module {@code benchmarks},
 * figures in {@code docs/benchmarks.md}).
 *
 * <ul>
 * <li><b>Priority.</b> Best price first (highest bid, lowest ask), then earliest. A trade takes the
 * resting (maker) order's price. A partly filled resting order keeps its place.</li>
 * <li><b>Events of a place</b>: {@code accepted}; then, in the order they happen, the {@code trade}s and
 * the {@code cancelled(SELF_TRADE)} of resting orders; then {@code rested} (what is left of a GTC or DAY
 * limit order), {@code cancelled} of the remainder (IOC, market, FOK) or nothing (filled in full; the
 * caller knows from the traded quantities).</li>
 * <li><b>Checks on place</b>, in this order, each a rejection that changes nothing: halted
 * ({@code HALTED}); the id rests in the book ({@code DUPLICATE_ORDER_ID}); quantity 0 or less
 * ({@code INVALID_QUANTITY}); limit price 0 or less ({@code INVALID_PRICE}); limit price outside the band
 * ({@code PRICE_OUTSIDE_BAND}). Ids of finished orders are not remembered: the caller's sequence
 * numbers keep ids unique.</li>
 * <li><b>GTC and DAY</b> limit orders rest what they do not fill at once. DAY orders are cancelled
 * ({@code EXPIRED}) by {@code expireDayOrders} at the session close: bids first, then asks, each side
 * in priority order.</li>
 * <li><b>IOC</b> trades what it can at once; the rest is cancelled ({@code IOC_REMAINDER}).</li>
 * <li><b>FOK</b> trades its whole quantity at once or nothing: if the counter-orders its limit accepts
 * (not counting its own participant's) hold less than its quantity, it is cancelled
 * ({@code FOK_UNFILLED}) with no trade and the book untouched.</li>
 * <li><b>Market</b> orders never rest: they sweep the other side level by level up to the band's far
 * bound (the upper bound for a buy, the lower for a sell; without a band, any price), and what is left is
 * cancelled ({@code MARKET_REMAINDER}). A market FOK is all or nothing as above.</li>
 * <li><b>Self-trade prevention</b> (cancel resting): an incoming order never trades with a resting order
 * of the same participant. When matching reaches such an order, the resting order is cancelled in full
 * ({@code SELF_TRADE}) and matching goes on with the next order. Only own orders reached before the
 * incoming order is filled are cancelled.</li>
 * <li><b>Amend</b> sets a resting order's price and open quantity. Same price and the same or less
 * quantity keeps time priority; same price and more quantity goes to the back of the level; a new
 * price goes to the back of the new level and first matches like a new order of the same participant
 * (self-trade prevention applies), resting what is left. An amend reports {@code amended}, and after a
 * new price also its trades and {@code rested}. An amended order keeps its id, participant, side and time
 * in force. Checks, in this order: halted; unknown order; quantity 0 or less; for a new price, price 0
 * or less and the band (an unchanged price is not re-checked against a moved band).</li>
 * <li><b>Cancel</b> works while halted; an unknown or finished id is rejected ({@code UNKNOWN_ORDER}).</li>
 * <li><b>Price band</b> around the reference price, in basis points (1000 = ±10%): lower bound
 * ceil(ref × (10000 − bps) / 10000), upper bound floor(ref × (10000 + bps) / 10000), both in whole fen
 * with integer arithmetic, inclusive, so only prices inside the exact band pass. The reference is the
 * operator's ({@code setReferencePrice}); without one, the previous session's close: the last trade
 * before the latest {@code expireDayOrders} (the caller restores it with {@code setPreviousClose} and the
 * last trade with {@code setLastTradePrice} when it rebuilds a book). No reference at all (the
 * instrument never traded before this session and the operator set none) or band 0: no band, and the
 * first trades discover the price. Changing the reference or the band does not touch resting orders: one left outside the new
 * band rests on and can still trade with incoming orders.</li>
 * <li><b>Halt</b>: place and amend are rejected ({@code HALTED}); cancel and expiry still work.</li>
 * </ul>
 */
package org.carbonsink.trading.matching;
