/**
 * What the off-book trading modes (block agreement, one-way auction) share: the registry hold of the
 * seller's credits under the deal's own hold id, and trades without orders that settle through the
 * same delivery-versus-payment path as book trades ({@code TradeExecuted} → {@code CreditsDelivered}
 * or {@code CreditDeliveryFailed}). Each mode answers for its own holds as a {@link HoldOwner}.
 */
package org.carbonsink.trading.offbook;
