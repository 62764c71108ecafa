package org.carbonsink.trading.participant;

import java.time.Instant;
import java.util.UUID;

/** The registry registered {@code participantId} with a holding account, in {@code role}. */
public record RegisterParticipant(UUID participantId, String name, String role, Instant registeredAt) {
}
