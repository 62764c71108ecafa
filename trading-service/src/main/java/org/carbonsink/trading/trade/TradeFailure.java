package org.carbonsink.trading.trade;

/**
 * Why a trade failed: {@code code} is stable and without ids, shown to everyone with the trade;
 * {@code reason} has the detail (ids, quantities) and is shown only to the trade's parties and the
 * exchange operator. {@code buyersFault}: the buyer cannot receive the credits, so the seller's hold
 * still backs the sell order and the order gets the quantity back; any other failure is the seller's
 * hold's. Which of the registry's codes is the buyer's is the event contract's to say, so the
 * messaging adapter that reads the contract decides it.
 */
public record TradeFailure(String code, String reason, boolean buyersFault) {

    /** The registry never received the trade when the exchange asked past the settlement deadline. */
    public static final String SETTLEMENT_DEADLINE = "SETTLEMENT_DEADLINE";
    /** The registry refused the delivery and named no code (an event older than the code). */
    public static final String DELIVERY_REFUSED = "DELIVERY_REFUSED";

    private static final String REGISTRY_NEVER_RECEIVED = "TRADE_NOT_RECEIVED";

    public TradeFailure {
        if (reason == null || reason.isBlank()) {
            reason = "delivery failed";
        }
        if (code == null || code.isBlank()) {
            // never read from the reason, which is text for people: without a code the failure is taken
            // as the seller's hold's, the reading that lets no hold back more than it holds
            code = DELIVERY_REFUSED;
        } else if (code.equals(REGISTRY_NEVER_RECEIVED)) {
            code = SETTLEMENT_DEADLINE;
        }
    }
}
