package org.carbonsink.trading.blocktrade.web;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.trading.blocktrade.BlockTrade;
import org.carbonsink.trading.blocktrade.BlockTradeStatus;
import org.carbonsink.trading.trade.TradeStatus;

/** A block trade as its two parties see it. */
public record BlockTradeView(UUID id, String instrumentId, UUID sellerId, UUID buyerId, long quantity,
        BigDecimal price, BigDecimal amount, BigDecimal referencePrice, BlockTradeStatus status, String reason,
        UUID tradeId, TradeStatus tradeStatus, Instant expiresAt, Instant proposedAt, Instant updatedAt) {

    static BlockTradeView of(BlockTrade b) {
        return new BlockTradeView(b.id(), b.instrumentId(), b.sellerId(), b.buyerId(), b.quantity(), b.price(),
                b.amount(), b.referencePrice(), b.status(), b.reason(), b.tradeId(), b.tradeStatus(), b.expiresAt(),
                b.proposedAt(), b.updatedAt());
    }
}
