/**
 * The exchange's half of the cross-service reconciliation (docs/reliability.md): what the exchange
 * expects the registry to hold and to have delivered for each of its sell orders, block trades and
 * auctions, the state of every trade, and each cash account against its movements and what its
 * reservation backs. It only reads; the comparison with the registry's snapshot is
 * {@code local-stack}'s {@code Reconciliation}.
 */
package org.carbonsink.trading.reconciliation;
