package org.carbonsink.registry.participant;

import java.time.Clock;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The registry administrator registers a participant with its holding account. The participant's
 * id is the subject of its tokens (docs/identity.md), which links the two.
 */
@Component
public class RegisteringParticipant {

    private final Participants participants;
    private final Accounts accounts;
    private final ParticipantEvents events;
    private final Clock clock;

    RegisteringParticipant(Participants participants, Accounts accounts, ParticipantEvents events, Clock clock) {
        this.participants = participants;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    public RegisteredParticipant register(RegisterParticipant command) {
        participants.requireRole(command.administratorId(), ParticipantRole.REGISTRY_ADMINISTRATOR,
                "register participants");
        if (command.role() == ParticipantRole.SYSTEM) {
            throw ProblemException.invalidField("role", "not-system", "SYSTEM participants are seeded, not registered");
        }
        if (participants.find(command.subject()).isPresent()) {
            throw ProblemException.conflict("participant-exists", "Participant already registered",
                    "a participant with subject " + command.subject() + " is registered already");
        }
        Participant participant = new Participant(command.subject(), command.name().trim(), command.role(),
                clock.instant());
        participants.add(participant);
        Accounts.Account account = new Accounts.Account(UUID.randomUUID(), participant.id(), Accounts.Account.Kind.HOLDING);
        accounts.open(account);
        events.registered(participant);
        return new RegisteredParticipant(participant, account);
    }
}
