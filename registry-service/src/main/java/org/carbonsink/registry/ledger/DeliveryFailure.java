package org.carbonsink.registry.ledger;

/**
 * Why traded credits could not be delivered, as a code the exchange acts on: only
 * {@link #BUYER_NO_ACCOUNT} leaves the seller's hold backing the sell order.
 */
public enum DeliveryFailure {
    NO_HOLD,
    HOLD_SHORT,
    HOLD_NOT_SELLERS,
    BUYER_NO_ACCOUNT
}
