package org.carbonsink.trading.blocktrade;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** The seller offers {@code quantity} credits to {@code buyerId} at {@code price} CNY each until {@code expiresAt} (null: the default validity). */
public record ProposeBlockTrade(UUID sellerId, UUID buyerId, String instrumentId, long quantity, BigDecimal price,
        Instant expiresAt) {
}
