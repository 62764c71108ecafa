package org.carbonsink.registry.pledge.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Pledge issued credits ({@code kind} CREDITS: {@code accountId}, {@code projectId}, {@code vintage}
 * and a {@code quantity} or {@code firstSerial}..{@code lastSerial}) or a registered project's
 * future issuance ({@code kind} FUTURE_ISSUANCE: {@code projectId} and {@code quantity}) to
 * {@code lenderId}, securing a loan.
 */
record PledgeRequest(@NotNull Kind kind, UUID accountId, @NotNull UUID projectId, @Min(2000) @Max(2200) Integer vintage,
        @Positive Long quantity, @Positive Long firstSerial, @Positive Long lastSerial, @NotNull UUID lenderId,
        @NotBlank @Size(max = 100) String loanReference, @NotNull BigDecimal securedAmount, @NotBlank String currency,
        @NotNull LocalDate maturityDate) {

    enum Kind {
        CREDITS, FUTURE_ISSUANCE
    }
}
