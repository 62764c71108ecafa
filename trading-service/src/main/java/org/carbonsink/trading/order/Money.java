package org.carbonsink.trading.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import org.carbonsink.support.web.ProblemException;

/**
 * CNY amounts between the API (BigDecimal, two decimals) and the book (long fen). A price is converted
 * once, at the edge, exactly: more than two decimals is refused, never rounded.
 */
final class Money {

    private Money() {
    }

    static BigDecimal of(long fen) {
        return BigDecimal.valueOf(fen, 2);
    }

    /**
     * {@code fen} as CNY text, as {@code of(fen).toString()} writes it ({@code 12.30}, {@code -0.05}), without the
     * BigDecimal: the command log names the price of every order placed.
     */
    static String text(long fen) {
        if (fen == Long.MIN_VALUE) {
            return of(fen).toString();
        }
        long whole = Math.abs(fen) / 100;
        int cents = (int) (Math.abs(fen) % 100);
        return (fen < 0 ? "-" : "") + whole + (cents < 10 ? ".0" : ".") + cents;
    }

    /** The price in fen; {@code field} names the request field in the 400 problem if it has fractions of a fen. */
    static long fen(BigDecimal amount, String field) {
        try {
            return amount.setScale(2, RoundingMode.UNNECESSARY).movePointRight(2).longValueExact();
        } catch (ArithmeticException e) {
            throw ProblemException.invalidField(field, "Digits", "must have at most 2 decimals and fit the book");
        }
    }

    /** quantity × unit price in fen; refused (422) rather than overflowing. */
    static long times(long quantity, long fen) {
        try {
            return Math.multiplyExact(quantity, fen);
        } catch (ArithmeticException e) {
            throw ProblemException.rule("order-value-too-large", "Order value too large",
                    "quantity × price exceeds what an account can hold");
        }
    }
}
