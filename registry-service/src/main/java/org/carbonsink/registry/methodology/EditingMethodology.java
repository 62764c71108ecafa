package org.carbonsink.registry.methodology;

import org.carbonsink.registry.participant.ParticipantRole;
import org.carbonsink.registry.participant.Participants;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry administrator opens, pilots or withdraws a methodology and sets its buffer rate.
 * A project keeps the buffer rate it applied with; a new rate applies to later applications.
 */
@Component
public class EditingMethodology {

    private final Methodologies methodologies;
    private final Participants participants;

    EditingMethodology(Methodologies methodologies, Participants participants) {
        this.methodologies = methodologies;
        this.participants = participants;
    }

    @Transactional
    public Methodology edit(EditMethodology command) {
        participants.requireRole(command.administratorId(), ParticipantRole.REGISTRY_ADMINISTRATOR,
                "edit methodologies");
        methodologies.find(command.code()).orElseThrow(() -> ProblemException.notFound("methodology", command.code()));
        methodologies.update(command.code(), command.status(), command.bufferRate());
        return methodologies.find(command.code()).orElseThrow();
    }
}
