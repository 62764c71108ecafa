package org.carbonsink.registry.ledger;

import org.carbonsink.registry.ledger.core.BlockMove;
import org.carbonsink.registry.ledger.core.Placement;
import org.carbonsink.registry.ledger.core.SerialRange;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carbonsink.contracts.CreditDeliveryFailed;
import org.carbonsink.support.jdbc.Pipeline;
import org.carbonsink.registry.ledger.Deliveries.Refused;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Delivers traded credits from the seller's hold to the buyer's account: the credit leg of a
 * trade. The exchange settles the cash leg on CreditsDelivered, or compensates on
 * CreditDeliveryFailed, so a trade settles both legs or neither (invariant 5).
 */
@Component
public class DeliveringCredits {

    /** Failure codes: stable, without ids, fit to be shown publicly (the reason has the detail). */
    static final String NO_HOLD = CreditDeliveryFailed.NO_HOLD;
    static final String INSUFFICIENT_HOLD = CreditDeliveryFailed.HOLD_SHORT;
    static final String SELLER_MISMATCH = CreditDeliveryFailed.HOLD_NOT_SELLERS;
    static final String BUYER_NO_ACCOUNT = CreditDeliveryFailed.BUYER_NO_ACCOUNT;
    /** The exchange asked about a trade the registry never received; it will never deliver it. */
    static final String TRADE_NOT_RECEIVED = "TRADE_NOT_RECEIVED";

    private final SerialBlocks blocks;
    private final LedgerMovements movements;
    private final LedgerEvents messages;
    private final Deliveries deliveries;
    private final Clock clock;
    private final JdbcOperations template;

    DeliveringCredits(SerialBlocks blocks, LedgerMovements movements, LedgerEvents messages,
            Deliveries deliveries, Clock clock, JdbcOperations template) {
        this.blocks = blocks;
        this.movements = movements;
        this.messages = messages;
        this.deliveries = deliveries;
        this.clock = clock;
        this.template = template;
    }

    public record DeliverCredits(UUID tradeId, String instrumentId, UUID holdId, UUID sellerId, UUID buyerId,
            long quantity) {
    }

    @Transactional
    public void deliver(DeliverCredits command) {
        deliver(new Pipeline(), command);
    }

    /**
     * As {@link #deliver(DeliverCredits)}, with the statements {@code first} holds (the inbox's record of the
     * trade) sent in the delivery's first round trip, before its own.
     */
    @Transactional
    public void deliver(Pipeline first, DeliverCredits command) {
        // every lock the delivery needs, and what it decides on, in one round trip
        Deliveries.Start start = deliveries.start(first, command.tradeId(), command.holdId(), command.buyerId());
        if (start.answered()) {
            return;
        }
        Instant now = clock.instant();
        Hold hold = start.hold();
        if (hold == null) {
            refuse(command, new Refused(NO_HOLD, "no hold " + command.holdId()), now);
            return;
        }
        if (hold.status() != Hold.Status.ACTIVE || hold.remaining() < command.quantity() || command.quantity() <= 0) {
            refuse(command, new Refused(INSUFFICIENT_HOLD, "hold " + hold.id() + " has " + hold.remaining()
                    + " credits left, trade needs " + command.quantity()), now);
            return;
        }
        if (!start.holdOwnerId().equals(command.sellerId())) {
            refuse(command, new Refused(SELLER_MISMATCH, "hold " + hold.id()
                    + " belongs to another participant than seller " + command.sellerId()), now);
            return;
        }
        if (start.buyer().isEmpty()) {
            refuse(command, new Refused(BUYER_NO_ACCOUNT, "buyer " + command.buyerId() + " has no registry account"),
                    now);
            return;
        }
        UUID buyer = start.buyer().get().id();
        // the blocks' writes, the hold's and the delivery's go in the round trip of the ledger's rows
        Pipeline writes = new Pipeline();
        List<SerialRange> moved = blocks.stage(BlockMove.take(start.held(), command.quantity(),
                Placement.available(buyer)), writes).moved();
        deliveries.add(writes, command.tradeId(), hold.id(), buyer, command.quantity(), now);
        // the audit entry and the outbox's row in one round trip, after the chain's head was locked
        Pipeline entry = new Pipeline();
        movements.record(writes, entry, LedgerMovements.Kind.DELIVER, now, hold.projectId(), moved, hold.accountId(),
                buyer, command.tradeId(), null);
        messages.delivered(entry, command.tradeId(), command.instrumentId(), command.buyerId(), command.quantity(),
                moved);
        entry.run(template);
    }

    /** Recorded, so that a later state query or a redelivered trade gets the same answer. */
    private void refuse(DeliverCredits command, Refused refusal, Instant now) {
        deliveries.refuse(command.tradeId(), refusal, now);
        messages.deliveryFailed(command.tradeId(), command.instrumentId(), refusal.code(), refusal.reason());
    }
}
