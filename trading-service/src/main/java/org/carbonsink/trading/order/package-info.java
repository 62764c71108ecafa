/**
 * Orders: placing limit orders, opening sell orders once the registry holds their credits, and
 * matching each order that opens against its instrument's book.
 */
package org.carbonsink.trading.order;
