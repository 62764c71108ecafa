package org.carbonsink.registry.pledge;

import java.util.UUID;

/** The lender declares the loan in default and asks for the pledge to be enforced. */
public record RequestEnforcement(UUID pledgeId, UUID callerId, String reason) {
}
