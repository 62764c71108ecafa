package org.carbonsink.trading.market;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A closed auction as published. {@code allocatedQuantity}, {@code winningBids}, {@code highestPrice} and
 * {@code lowestWinningPrice} are what the close decided. {@code tradedQuantity} and {@code turnover} count
 * only the auction's trades that did not fail (settled or still delivering), as the public trade list
 * does: a winner whose delivery failed bought nothing. Winners paid their own bids (pay-as-bid);
 * {@code averagePrice} is turnover ÷ traded quantity to the fen, half to even, for information only, and
 * null when nothing traded.
 */
public record AuctionResult(UUID id, String instrumentId, long offeredQuantity, BigDecimal floorPrice,
        @Schema(description = "credits the close allocated to winning bids, whether or not their delivery later"
                + " failed") long allocatedQuantity,
        int bids, int winningBids, BigDecimal highestPrice, BigDecimal lowestWinningPrice,
        @Schema(description = "credits of the auction's trades that did not fail (settled or still delivering),"
                + " as the public trade list shows them") long tradedQuantity,
        @Schema(description = "turnover ÷ tradedQuantity to the fen, half to even; null when nothing traded")
        BigDecimal averagePrice,
        @Schema(description = "what the auction's trades that did not fail paid (each winner its own bid)")
        BigDecimal turnover, Instant startsAt, Instant endsAt, Instant closedAt) {
}
