/**
 * Cash accounts in CNY: deposits, and the reservations that back buy orders and trades awaiting
 * delivery (invariant 4: no buy order exceeds cash reserved for it).
 */
package org.carbonsink.trading.cash;
