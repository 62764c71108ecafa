package org.carbonsink.trading.market;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A closed auction as published. Winners paid their own bids (pay-as-bid); {@code averagePrice} is
 * turnover ÷ allocated quantity to the fen, half to even, for information only.
 */
public record AuctionResult(UUID id, String instrumentId, long offeredQuantity, BigDecimal floorPrice,
        long allocatedQuantity, int bids, int winningBids, BigDecimal highestPrice, BigDecimal lowestWinningPrice,
        BigDecimal averagePrice, BigDecimal turnover, Instant startsAt, Instant endsAt, Instant closedAt) {
}
