package org.carbonsink.registry.participant;

import java.util.UUID;

/** The administrator registers the holder of the token subject {@code subject} in a role. */
public record RegisterParticipant(UUID subject, String name, ParticipantRole role, UUID administratorId) {
}
