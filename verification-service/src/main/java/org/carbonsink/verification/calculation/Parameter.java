package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.util.Objects;

/** One looked-up value with the code it was looked up by and the document and table it comes from. */
public record Parameter(String code, BigDecimal value, String source) {

    public Parameter {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }

    Exact exact() {
        return Exact.of(value);
    }
}
