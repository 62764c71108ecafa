package org.carbonsink.registry.project;

import java.util.UUID;

/** A suspension, resumption, cancellation or revocation: who asks, and why. */
public record ChangeProjectState(UUID projectId, UUID participantId, String reason) {
}
