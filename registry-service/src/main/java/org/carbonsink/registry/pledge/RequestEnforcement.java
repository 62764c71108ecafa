package org.carbonsink.registry.pledge;

import java.util.UUID;

/**
 * The lender declares the loan in default and asks for the pledge to be enforced: on what grounds
 * ({@code reason}) and what happened ({@code description}).
 */
public record RequestEnforcement(UUID pledgeId, UUID callerId, Pledge.Grounds reason, String description) {
}
