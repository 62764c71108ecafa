package org.carbonsink.support.web;

import java.util.Set;
import java.util.UUID;

/**
 * Who is asking: the participant named by the bearer token's subject, with the roles the token
 * grants. Controllers take it as a parameter ({@link CallerResolver}); use cases decide with it.
 */
public record Caller(UUID participantId, Set<String> roles) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    /** Refuses (403) unless the token grants the role; {@code act} says what was attempted. */
    public Caller requireRole(String role, String act) {
        if (!has(role)) {
            throw ProblemException.forbidden("only a " + role + " may " + act);
        }
        return this;
    }

    public boolean is(UUID participant) {
        return participantId.equals(participant);
    }
}
