package org.carbonsink.trading.cash;

/** Who moved cash in or out of an account. */
public enum CashSource {
    /** The exchange operator, on the participant's instruction received outside the system. */
    OPERATOR,
    /** The bank, through the bank adapter; carries the bank's transfer id. */
    BANK,
    /** The participant itself: only in the local demo profile, where no bank exists. */
    SELF
}
