package org.carbonsink.registry.pledge.web;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

/** Release {@code quantity} of the pledge's outstanding quantity (all of it for a full release). */
record ReleaseRequest(@NotNull @Positive Long quantity) {
}
