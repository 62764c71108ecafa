package org.carbonsink.trading.blocktrade;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.offbook.SellerCredits;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Ends an open block trade without a trade: declined by the buyer, cancelled by the seller, or
 * expired. The credits go back to the seller in the same commit, whether the registry has held them
 * yet or not: the release follows the hold request on its topic and key, so the registry lets go of
 * a hold it made, or refuses for good a hold it has not made yet. Nothing then waits on an answer
 * that might be lost. The buyer's cash was never reserved.
 */
@Component
public class EndingBlockTrade {

    private final BlockTrades blockTrades;
    private final SellerCredits credits;
    private final Clock clock;

    EndingBlockTrade(BlockTrades blockTrades, SellerCredits credits, Clock clock) {
        this.blockTrades = blockTrades;
        this.credits = credits;
        this.clock = clock;
    }

    @Transactional
    public BlockTrade end(EndBlockTrade command) {
        if (command.ending() != BlockTradeStatus.DECLINED && command.ending() != BlockTradeStatus.CANCELLED) {
            throw new IllegalArgumentException("a participant declines or cancels a block trade, not " + command.ending());
        }
        BlockTrade proposal = lockAs(blockTrades, command.blockTradeId(), command.callerId(),
                command.ending() == BlockTradeStatus.DECLINED);
        if (!proposal.status().open()) {
            throw closed(proposal);
        }
        close(proposal, command.ending(), null);
        return blockTrades.find(proposal.id()).orElseThrow();
    }

    /** Expires the block trade if it is still open; answers whether it did. */
    @Transactional
    public boolean expire(UUID blockTradeId) {
        BlockTrade proposal = blockTrades.lock(blockTradeId).orElseThrow();
        if (!proposal.status().open() || proposal.expiresAt().isAfter(Instant.now(clock))) {
            return false;
        }
        close(proposal, BlockTradeStatus.EXPIRED, "nobody accepted before " + proposal.expiresAt());
        return true;
    }

    private void close(BlockTrade proposal, BlockTradeStatus ending, String reason) {
        blockTrades.move(proposal.id(), proposal.status(), ending, reason, null, Instant.now(clock));
        credits.release(proposal.id(), proposal.instrumentId(), proposal.quantity());
    }

    /** Locks the block trade for its buyer (or its seller); 404 if unknown, 403 for anyone else. */
    static BlockTrade lockAs(BlockTrades blockTrades, UUID id, UUID callerId, boolean buyer) {
        BlockTrade found = blockTrades.find(id).orElseThrow(() -> ProblemException.notFound("block trade", id));
        if (!(buyer ? found.buyerId() : found.sellerId()).equals(callerId)) {
            throw ProblemException.forbidden("only the " + (buyer ? "named buyer accepts or declines"
                    : "seller cancels") + " a block trade");
        }
        return blockTrades.lock(id).orElseThrow();
    }

    /** Refuses unless the block trade awaits its buyer and has not expired. */
    static void requireProposed(BlockTrade proposal, Instant now) {
        if (proposal.status() == BlockTradeStatus.PENDING_HOLD) {
            throw ProblemException.conflict("block-trade-awaiting-hold", "Block trade awaiting hold",
                    "the registry has not yet confirmed the seller's credits for block trade " + proposal.id());
        }
        if (proposal.status() != BlockTradeStatus.PROPOSED) {
            throw closed(proposal);
        }
        if (!proposal.expiresAt().isAfter(now)) {
            throw ProblemException.conflict("block-trade-expired", "Block trade expired",
                    "block trade " + proposal.id() + " expired at " + proposal.expiresAt());
        }
    }

    private static ProblemException closed(BlockTrade proposal) {
        return ProblemException.conflict("block-trade-closed", "Block trade closed",
                "block trade " + proposal.id() + " is " + proposal.status());
    }
}
