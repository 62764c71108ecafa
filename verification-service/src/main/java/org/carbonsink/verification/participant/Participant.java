package org.carbonsink.verification.participant;

import java.time.Instant;
import java.util.UUID;

/** A participant the registry registered, with its role (PROJECT_OWNER, VERIFIER, ...). */
public record Participant(UUID id, String name, String role, Instant registeredAt) {

    public boolean isVerifier() {
        return "VERIFIER".equals(role);
    }
}
