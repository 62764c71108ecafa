package org.carbonsink.trading.matching;

public enum Side {
    BUY, SELL
}
