/**
 * Public market data, read straight from the exchange's tables: depth per price level from the open
 * orders, recent trades of every venue, daily open/high/low/close and volume of the book by trading
 * day in Asia/Shanghai, and the results of block trades and auctions. Who traded is never disclosed.
 */
package org.carbonsink.trading.market;
