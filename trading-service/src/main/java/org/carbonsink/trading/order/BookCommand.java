package org.carbonsink.trading.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.trading.trade.TradeFailure;

/** What an instrument's writer is asked to do; each is applied in sequence and committed before it is answered. */
sealed interface BookCommand {

    String instrumentId();

    /**
     * A buy order enters the book; answers the {@link Order} as the command left it. With a
     * {@code requestHash} (the order came with an Idempotency-Key, from which its id follows) the hash is
     * written on the order's row, and a repeat answers {@link Batch.Replayed} (same hash) or is refused
     * (another hash). {@code seenAbsent}: the request looked the id up just before and found no order, so the
     * writer does not look it up again in its first attempt; an order with that id committed meanwhile (a
     * concurrent request with the same key) fails the primary key, and the retry looks every keyed id up.
     */
    record Place(UUID orderId, PlaceOrder order, String requestHash, boolean seenAbsent) implements BookCommand {

        Place(UUID orderId, PlaceOrder order, String requestHash) {
            this(orderId, order, requestHash, false);
        }

        Place(UUID orderId, PlaceOrder order) {
            this(orderId, order, null);
        }

        @Override
        public String instrumentId() {
            return order.instrumentId();
        }
    }

    /** A sell order whose credits the registry now holds enters the book. */
    record OpenHeld(String instrumentId, UUID orderId, long heldQuantity) implements BookCommand {
    }

    record Cancel(String instrumentId, UUID orderId, UUID callerId) implements BookCommand {
    }

    /** New limit price and/or new total quantity (null keeps the current one). */
    record Amend(String instrumentId, UUID orderId, UUID callerId, BigDecimal limitPrice, Long quantity)
            implements BookCommand {
    }

    /** The registry could not deliver a trade: compensate it and give the quantity back if the seller is not at fault. */
    record FailDelivery(String instrumentId, UUID tradeId, TradeFailure failure) implements BookCommand {
    }

    /** The session closed at {@code close}: DAY orders expire. */
    record ExpireDay(String instrumentId, Instant close) implements BookCommand {
    }

    record Halt(String instrumentId) implements BookCommand {
    }

    record Resume(String instrumentId) implements BookCommand {
    }

    /** Centres the price band on {@code referencePrice} (null: no band) with half-width {@code basisPoints}. */
    record SetBand(String instrumentId, BigDecimal referencePrice, int basisPoints) implements BookCommand {
    }
}
