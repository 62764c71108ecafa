package org.carbonsink.registry.participant.web;

import java.time.Instant;
import java.util.UUID;
import org.carbonsink.registry.participant.Participant;
import org.carbonsink.registry.participant.ParticipantRole;

/** A participant with its holding account. */
record ParticipantView(UUID id, String name, ParticipantRole role, UUID accountId, Instant createdAt) {

    static ParticipantView of(Participant p, UUID accountId) {
        return new ParticipantView(p.id(), p.name(), p.role(), accountId, p.createdAt());
    }
}
