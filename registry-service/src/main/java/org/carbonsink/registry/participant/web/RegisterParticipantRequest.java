package org.carbonsink.registry.participant.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;
import org.carbonsink.registry.participant.ParticipantRole;

/** {@code subject}: the subject of the participant's tokens, which becomes its id. */
record RegisterParticipantRequest(@NotNull UUID subject, @NotBlank @Size(max = 200) String name,
        @NotNull ParticipantRole role) {
}
