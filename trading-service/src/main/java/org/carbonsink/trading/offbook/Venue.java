package org.carbonsink.trading.offbook;

/** Where an off-book trade was made; book trades are {@code BOOK} in the trade table. */
public enum Venue {
    /** Block agreement (大宗协议): two named parties agreed price and quantity. */
    BLOCK,
    /** One-way auction (单向竞价): a winning bid at its own price. */
    AUCTION
}
