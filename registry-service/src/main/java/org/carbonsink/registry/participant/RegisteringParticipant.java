package org.carbonsink.registry.participant;

import java.time.Clock;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers a participant with its holding account. Until identities arrive anyone may register,
 * but never as a registry administrator or a system participant: those are seeded.
 */
@Component
public class RegisteringParticipant {

    private final Participants participants;
    private final Accounts accounts;
    private final Clock clock;

    RegisteringParticipant(Participants participants, Accounts accounts, Clock clock) {
        this.participants = participants;
        this.accounts = accounts;
        this.clock = clock;
    }

    public record RegisterParticipant(String name, ParticipantRole role) {
    }

    public record Registered(Participant participant, Accounts.Account account) {
    }

    @Transactional
    public Registered register(RegisterParticipant command) {
        if (command.role() == ParticipantRole.REGISTRY_ADMINISTRATOR || command.role() == ParticipantRole.SYSTEM) {
            throw ProblemException.rule("role-not-self-registrable", "Role cannot be self-registered",
                    "a participant cannot register itself as " + command.role());
        }
        Participant participant = new Participant(UUID.randomUUID(), command.name().trim(), command.role(),
                clock.instant());
        participants.add(participant);
        Accounts.Account account = new Accounts.Account(UUID.randomUUID(), participant.id(), Accounts.Account.Kind.HOLDING);
        accounts.open(account);
        return new Registered(participant, account);
    }
}
