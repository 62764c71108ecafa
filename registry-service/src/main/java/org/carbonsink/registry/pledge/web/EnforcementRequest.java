package org.carbonsink.registry.pledge.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.carbonsink.registry.pledge.Pledge;

/**
 * The lender's claim of default that asks for enforcement: {@code NOT_REPAID_AT_MATURITY} from the
 * maturity date on, {@code EVENT_OF_DEFAULT} at any time; {@code description} says what happened.
 */
record EnforcementRequest(@NotNull Pledge.Grounds reason, @NotBlank @Size(max = 1000) String description) {
}
