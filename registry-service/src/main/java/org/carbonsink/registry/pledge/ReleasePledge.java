package org.carbonsink.registry.pledge;

import java.util.UUID;

/** The lender releases {@code quantity} of a pledge's outstanding quantity (all of it for a full release). */
public record ReleasePledge(UUID pledgeId, UUID callerId, long quantity) {
}
