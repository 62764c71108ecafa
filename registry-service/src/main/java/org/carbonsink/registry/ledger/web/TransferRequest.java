package org.carbonsink.registry.ledger.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.UUID;

/** Transfer a quantity (lowest serials first) or exactly {@code firstSerial} to {@code lastSerial}. */
record TransferRequest(@NotNull UUID toAccountId, @NotNull UUID projectId,
        @NotNull @Min(2000) @Max(2200) Integer vintage, @Positive Long quantity, @Positive Long firstSerial,
        @Positive Long lastSerial) {
}
