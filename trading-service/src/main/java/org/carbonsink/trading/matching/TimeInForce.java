package org.carbonsink.trading.matching;

/**
 * How long an order stays in the book: GTC until filled or cancelled, DAY until the session close
 * ({@link MatchingEngineBook#expireDayOrders}), IOC trades what it can at once and cancels the rest,
 * FOK trades its whole quantity at once or nothing.
 */
public enum TimeInForce {
    GTC, DAY, IOC, FOK
}
