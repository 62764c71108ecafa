package org.carbonsink.trading.trade;

/**
 * Why a trade failed: {@code code} is stable and without ids, shown to everyone with the trade;
 * {@code reason} has the detail (ids, quantities) and is shown only to the trade's parties and the
 * exchange operator.
 */
public record TradeFailure(String code, String reason) {

    /** The registry never received the trade when the exchange asked past the settlement deadline. */
    public static final String SETTLEMENT_DEADLINE = "SETTLEMENT_DEADLINE";
    /** The registry refused the delivery for a reason of the buyer's, and named no code. */
    public static final String DELIVERY_REFUSED_BUYER = "DELIVERY_REFUSED_BUYER";
    /** The registry refused the delivery and named no code. */
    public static final String DELIVERY_REFUSED = "DELIVERY_REFUSED";

    private static final String REGISTRY_NEVER_RECEIVED = "TRADE_NOT_RECEIVED";

    public TradeFailure {
        if (reason == null || reason.isBlank()) {
            reason = "delivery failed";
        }
        if (code == null || code.isBlank()) {
            code = reason.startsWith("buyer ") ? DELIVERY_REFUSED_BUYER : DELIVERY_REFUSED;
        } else if (code.equals(REGISTRY_NEVER_RECEIVED)) {
            code = SETTLEMENT_DEADLINE;
        }
    }
}
