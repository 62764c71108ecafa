package org.carbonsink.registry.ledger.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.carbonsink.registry.ledger.RetirementPurpose;

/** Retire a quantity (lowest serials first) or exactly {@code firstSerial} to {@code lastSerial}. */
record RetireRequest(@NotNull UUID projectId, @NotNull @Min(2000) @Max(2200) Integer vintage,
        @Positive Long quantity, @Positive Long firstSerial, @Positive Long lastSerial,
        @NotBlank @Size(max = 300) String beneficiary, @NotNull RetirementPurpose purpose,
        @Size(max = 1000) String note) {
}
