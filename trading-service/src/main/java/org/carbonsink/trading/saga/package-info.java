/**
 * Saga supervision: a sell order, block trade or auction waiting for the registry to hold its
 * credits, and a trade (on the book or off it) waiting for the registry to deliver them, have
 * deadlines. Past one, the exchange asks the registry for the state
 * ({@link org.carbonsink.trading.saga.StateQueries}), and asks again with a doubling wait while no
 * answer comes; the registry answers from its ledger, finally, and the answer goes through the same
 * path as the registry's own answers (the order's writer opens or rejects the order, the block trade
 * is proposed or its auction opened, or either is rejected; the trade settles or fails and its hold
 * is released). Nothing waits forever (docs/reliability.md).
 */
package org.carbonsink.trading.saga;
