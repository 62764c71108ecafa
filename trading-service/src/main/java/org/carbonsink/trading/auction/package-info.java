/**
 * One-way auctions (单向竞价): a seller announces a quantity, a floor price and a window; the registry
 * holds the credits; buyers bid at or above the floor with their cash reserved; at the close the
 * quantity goes to the bids by price, then time, and each winner pays its own bid price
 * (pay-as-bid). What is not allocated goes back to the seller, and losing bids get their cash back.
 */
package org.carbonsink.trading.auction;
