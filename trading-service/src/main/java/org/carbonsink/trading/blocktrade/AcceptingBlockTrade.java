package org.carbonsink.trading.blocktrade;

import java.time.Clock;
import java.time.Instant;
import org.carbonsink.trading.cash.CashAccounts;
import org.carbonsink.trading.instrument.Instruments;
import org.carbonsink.trading.offbook.ExecuteOffBookTrade;
import org.carbonsink.trading.offbook.ExecutingOffBookTrade;
import org.carbonsink.trading.offbook.ListedInstruments;
import org.carbonsink.trading.offbook.Venue;
import org.carbonsink.trading.order.Traders;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The buyer accepts: its cash for the whole amount is reserved (refused, changing nothing, if it is
 * not available), and the trade is executed from the seller's held credits. Locks: the block trade,
 * then the buyer's cash account.
 */
@Component
public class AcceptingBlockTrade {

    private final BlockTrades blockTrades;
    private final CashAccounts accounts;
    private final ExecutingOffBookTrade executing;
    private final Clock clock;
    private final Traders traders;
    private final Instruments instruments;

    AcceptingBlockTrade(BlockTrades blockTrades, CashAccounts accounts, ExecutingOffBookTrade executing, Clock clock,
            Traders traders, Instruments instruments) {
        this.instruments = instruments;
        this.blockTrades = blockTrades;
        this.accounts = accounts;
        this.executing = executing;
        this.clock = clock;
        this.traders = traders;
    }

    @Transactional
    public BlockTrade accept(AcceptBlockTrade command) {
        BlockTrade proposal = EndingBlockTrade.lockAs(blockTrades, command.blockTradeId(), command.callerId(), true);
        Instant now = Instant.now(clock);
        EndingBlockTrade.requireProposed(proposal, now);
        traders.requireTrading(proposal.buyerId());
        // halted: refused, changing nothing; the proposal stays open to be accepted once trading resumes
        ListedInstruments.requireTrading(instruments, proposal.instrumentId());
        accounts.reserveOrRefuse(proposal.buyerId(), proposal.amount(), "accepting the block trade");
        var tradeId = executing.execute(new ExecuteOffBookTrade(Venue.BLOCK, proposal.id(), proposal.instrumentId(),
                proposal.buyerId(), proposal.sellerId(), proposal.quantity(), proposal.price(), now));
        blockTrades.move(proposal.id(), BlockTradeStatus.PROPOSED, BlockTradeStatus.EXECUTED, null, tradeId, now);
        return blockTrades.find(proposal.id()).orElseThrow();
    }
}
