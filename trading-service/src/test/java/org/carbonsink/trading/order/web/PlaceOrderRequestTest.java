package org.carbonsink.trading.order.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.carbonsink.trading.matching.OrderType;
import org.carbonsink.trading.matching.Side;
import org.carbonsink.trading.matching.TimeInForce;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * A batch skips the validator for an order whose constraints hold by the hand check; so the hand check
 * must accept exactly what the validator accepts, or a batch would place an order that a single
 * {@code POST /orders} refuses (or refuse one it places). Every combination of edge values below.
 */
class PlaceOrderRequestTest {

    private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
    private final Validator validator = FACTORY.getValidator();

    @AfterAll
    static void close() {
        FACTORY.close();
    }

    @Test
    void handCheckAcceptsExactlyWhatTheValidatorAccepts() {
        List<String> instruments = Arrays.asList(null, "", " ", "\t\n", "\u0001", "\u2003", " P000001-2025 ", "P000001-2025");
        List<Side> sides = Arrays.asList(null, Side.BUY, Side.SELL);
        List<Long> quantities = Arrays.asList(null, Long.MIN_VALUE, -1L, 0L, 1L, 1_000_000_000L, 1_000_000_001L,
                Long.MAX_VALUE);
        List<BigDecimal> prices = new ArrayList<>(Arrays.asList((BigDecimal) null));
        for (String price : List.of("0", "0.00", "-0.01", "0.01", "0.001", "0.010", "12.34", "12.340", "12.345",
                "1E+3", "1E-2", "999999999999999.99", "999999999999999.990", "1000000000000000", "1E+15", "1E+14",
                "-12.34", "123456789012345", "1234567890123456")) {
            prices.add(new BigDecimal(price));
        }
        int accepted = 0;
        for (String instrument : instruments) {
            for (Side side : sides) {
                for (Long quantity : quantities) {
                    for (BigDecimal price : prices) {
                        PlaceOrderRequest request = new PlaceOrderRequest(instrument, side, OrderType.LIMIT,
                                TimeInForce.GTC, quantity, price);
                        boolean valid = validator.validate(request).isEmpty();
                        assertThat(request.meetsConstraints()).as("%s", request).isEqualTo(valid);
                        accepted += valid ? 1 : 0;
                    }
                }
            }
        }
        // the table holds both answers, not only refusals
        assertThat(accepted).isGreaterThan(50);
    }
}
