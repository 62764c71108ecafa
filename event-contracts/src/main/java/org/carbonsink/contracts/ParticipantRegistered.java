package org.carbonsink.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * The registry registered a participant with a holding account. {@code role} is one of
 * {@code PROJECT_OWNER}, {@code VERIFIER}, {@code TRADER}, {@code EXCHANGE_OPERATOR},
 * {@code REGISTRY_ADMINISTRATOR} (and any role added later). Other services keep a read model of
 * participants from it: verification checks that a verifier is registered as one; the exchange that
 * a buyer has a registry account.
 */
public record ParticipantRegistered(
        UUID eventId,
        Instant occurredAt,
        UUID participantId,
        String name,
        String role) {
}
