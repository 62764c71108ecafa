package org.carbonsink.trading.participant;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Adds a participant the registry registered to the exchange's read model. */
@Component
public class RegisteringParticipant {

    private final Participants participants;

    RegisteringParticipant(Participants participants) {
        this.participants = participants;
    }

    @Transactional
    public void register(RegisterParticipant command) {
        participants.register(command.participantId(), command.name(), command.role(), command.registeredAt());
    }
}
