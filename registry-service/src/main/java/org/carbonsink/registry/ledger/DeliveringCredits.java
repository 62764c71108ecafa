package org.carbonsink.registry.ledger;

import org.carbonsink.registry.ledger.core.BlockMove;
import org.carbonsink.registry.ledger.core.Placement;
import org.carbonsink.registry.ledger.core.SerialRange;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.participant.Accounts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers traded credits from the seller's hold to the buyer's account: the credit leg of a
 * trade. The exchange settles the cash leg on CreditsDelivered, or compensates on
 * CreditDeliveryFailed, so a trade settles both legs or neither (invariant 5).
 */
@Component
public class DeliveringCredits {

    private final Accounts accounts;
    private final ProjectStandings projects;
    private final Holds holds;
    private final SerialBlocks blocks;
    private final LedgerMovements movements;
    private final LedgerEvents messages;
    private final JdbcClient jdbc;
    private final Clock clock;

    DeliveringCredits(Accounts accounts, ProjectStandings projects, Holds holds, SerialBlocks blocks,
            LedgerMovements movements, LedgerEvents messages, JdbcClient jdbc, Clock clock) {
        this.accounts = accounts;
        this.projects = projects;
        this.holds = holds;
        this.blocks = blocks;
        this.movements = movements;
        this.messages = messages;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public record DeliverCredits(UUID tradeId, String instrumentId, UUID holdId, UUID sellerId, UUID buyerId,
            long quantity) {
    }

    @Transactional
    public void deliver(DeliverCredits command) {
        boolean delivered = jdbc.sql("select exists (select 1 from delivery where trade_id = :id)")
                .param("id", command.tradeId()).query(Boolean.class).single();
        if (delivered) {
            return;
        }
        Instant now = clock.instant();
        holds.find(command.holdId()).ifPresent(h -> projects.share(h.projectId()));
        Hold hold = holds.lock(command.holdId()).orElse(null);
        if (hold == null || hold.status() != Hold.Status.ACTIVE || hold.remaining() < command.quantity()
                || command.quantity() <= 0) {
            messages.deliveryFailed(command.tradeId(), command.instrumentId(),
                    hold == null ? DeliveryFailure.NO_HOLD : DeliveryFailure.HOLD_SHORT, hold == null
                    ? "no hold " + command.holdId()
                    : "hold " + hold.id() + " has " + hold.remaining() + " credits left, trade needs " + command.quantity());
            return;
        }
        var seller = accounts.find(hold.accountId()).orElseThrow();
        if (!seller.participantId().equals(command.sellerId())) {
            messages.deliveryFailed(command.tradeId(), command.instrumentId(), DeliveryFailure.HOLD_NOT_SELLERS,
                    "hold " + hold.id() + " belongs to another participant than seller " + command.sellerId());
            return;
        }
        var buyer = accounts.holdingAccountOf(command.buyerId());
        if (buyer.isEmpty()) {
            messages.deliveryFailed(command.tradeId(), command.instrumentId(), DeliveryFailure.BUYER_NO_ACCOUNT,
                    "buyer " + command.buyerId() + " has no registry account");
            return;
        }
        accounts.lock(buyer.get().id());
        List<SerialRange> moved = blocks.apply(BlockMove.take(blocks.lockHeld(hold.id()), command.quantity(),
                Placement.available(buyer.get().id()))).moved();
        holds.deliver(hold.id(), command.quantity());
        jdbc.sql("insert into delivery (trade_id, hold_id, buyer_account_id, quantity, delivered_at) "
                + "values (:trade, :hold, :buyer, :quantity, :at)")
                .param("trade", command.tradeId()).param("hold", hold.id()).param("buyer", buyer.get().id())
                .param("quantity", command.quantity()).param("at", Timestamp.from(now)).update();
        movements.record(LedgerMovements.Kind.DELIVER, now, hold.projectId(), moved, seller.id(), buyer.get().id(),
                command.tradeId(), null);
        messages.delivered(command.tradeId(), command.instrumentId(), command.buyerId(), command.quantity(), moved);
    }
}
