/**
 * Block agreements (大宗协议): a seller proposes price and quantity to a named buyer off the book,
 * at or above the block minimum and within the block price band around the reference price (both
 * data, {@code block_trade_rule}). The seller's credits are held by the registry first; the buyer's
 * acceptance reserves its cash and executes the trade, which settles delivery-versus-payment like a
 * book trade. Declining, cancelling, expiry and a failed delivery give the credits back.
 */
package org.carbonsink.trading.blocktrade;
