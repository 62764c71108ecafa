package org.carbonsink.registry.ledger.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.UUID;

/** A loss of {@code lossCredits} tCO2e of a project's stored carbon on {@code lossDate}, and its cause. */
record ReversalRequest(@NotNull UUID projectId, @NotNull LocalDate lossDate, @NotBlank @Size(max = 1000) String cause,
        @NotNull @Positive Long lossCredits) {
}
