package org.carbonsink.registry.pledge.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The lender's claim of default that asks for enforcement. */
record EnforcementRequest(@NotBlank @Size(max = 1000) String reason) {
}
