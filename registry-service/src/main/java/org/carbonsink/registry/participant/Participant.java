package org.carbonsink.registry.participant;

import java.time.Instant;
import java.util.UUID;

public record Participant(UUID id, String name, ParticipantRole role, Instant createdAt) {

    public boolean is(ParticipantRole expected) {
        return role == expected;
    }
}
