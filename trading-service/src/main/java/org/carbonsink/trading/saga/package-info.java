/**
 * Saga supervision: a sell order waiting for the registry to hold its credits, and a trade waiting
 * for the registry to deliver them, have deadlines. Past one, the exchange asks the registry for the
 * state ({@link org.carbonsink.trading.saga.StateQueries}), and asks again with a doubling wait while
 * no answer comes; the registry answers from its ledger, finally, and the answer goes through the
 * same path as the registry's own answers (the order's writer opens or rejects the order, the trade
 * settles or fails and its hold is released). Nothing waits forever (docs/reliability.md).
 */
package org.carbonsink.trading.saga;
