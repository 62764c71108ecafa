/**
 * Trades and their settlement. A trade settles both legs or neither (invariant 5): the cash leg
 * moves only when the registry reports the credits delivered, and is released if it reports failure.
 */
package org.carbonsink.trading.trade;
