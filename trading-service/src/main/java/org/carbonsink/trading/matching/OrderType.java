package org.carbonsink.trading.matching;

/** A limit order names the worst price it accepts; a market order takes what the book offers within the band. */
public enum OrderType {
    LIMIT, MARKET
}
