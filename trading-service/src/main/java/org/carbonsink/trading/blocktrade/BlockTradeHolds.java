package org.carbonsink.trading.blocktrade;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.trading.offbook.HoldOwner;
import org.carbonsink.trading.offbook.SellerCredits;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** The registry's answers on the holds of block trades, whose hold id is the block trade id. */
@Component
class BlockTradeHolds implements HoldOwner {

    private static final Logger log = LoggerFactory.getLogger(BlockTradeHolds.class);

    private final BlockTrades blockTrades;
    private final SellerCredits credits;
    private final Clock clock;

    BlockTradeHolds(BlockTrades blockTrades, SellerCredits credits, Clock clock) {
        this.blockTrades = blockTrades;
        this.credits = credits;
        this.clock = clock;
    }

    @Override
    public boolean held(UUID holdId, long quantity) {
        BlockTrade proposal = blockTrades.lock(holdId).orElse(null);
        if (proposal == null) {
            return false;
        }
        if (proposal.status() == BlockTradeStatus.PENDING_HOLD) {
            // invariant 4: the block trade sells exactly what is held for it
            if (quantity != proposal.quantity()) {
                throw new IllegalStateException("registry held " + quantity + " credits for block trade "
                        + proposal.id() + " of " + proposal.quantity());
            }
            blockTrades.move(holdId, BlockTradeStatus.PENDING_HOLD, BlockTradeStatus.PROPOSED, null, null,
                    Instant.now(clock));
        } else if (proposal.status() == BlockTradeStatus.CANCELLED || proposal.status() == BlockTradeStatus.DECLINED
                || proposal.status() == BlockTradeStatus.EXPIRED) {
            // ended while the hold was on its way: the ending already asked for the credits back
            log.info("block trade {} ended before its hold was confirmed; the release is on its way", holdId);
        } else {
            log.warn("block trade {} is already {}; hold confirmation ignored", holdId, proposal.status());
        }
        return true;
    }

    @Override
    public boolean rejected(UUID holdId, String reason) {
        BlockTrade proposal = blockTrades.lock(holdId).orElse(null);
        if (proposal == null) {
            return false;
        }
        String why = reason == null || reason.isBlank() ? "credits not held" : reason;
        if (!blockTrades.move(holdId, BlockTradeStatus.PENDING_HOLD, BlockTradeStatus.HOLD_REJECTED, why, null,
                Instant.now(clock))) {
            log.warn("block trade {} is already {}; hold rejection ignored", holdId, proposal.status());
        }
        return true;
    }

    @Override
    public boolean deliveryFailed(UUID holdId, UUID tradeId, long quantity) {
        BlockTrade proposal = blockTrades.find(holdId).orElse(null);
        if (proposal == null) {
            return false;
        }
        // the trade shows FAILED and the buyer's cash is released; the seller gets its credits back
        credits.release(holdId, proposal.instrumentId(), quantity);
        return true;
    }
}
