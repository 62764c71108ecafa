package org.carbonsink.registry.pledge;

import java.util.UUID;
import org.carbonsink.registry.participant.Accounts;
import org.carbonsink.registry.participant.Participant;
import org.carbonsink.registry.participant.ParticipantRole;
import org.carbonsink.registry.participant.Participants;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;

/** Who may take part in a pledge: the lender is a registered LENDER with a holding account. */
@Component
class PledgeParties {

    record Lender(UUID id, String name, UUID accountId) {
    }

    private final Participants participants;
    private final Accounts accounts;

    PledgeParties(Participants participants, Accounts accounts) {
        this.participants = participants;
        this.accounts = accounts;
    }

    Lender lender(UUID lenderId, UUID pledgorId) {
        Participant lender = participants.find(lenderId).filter(p -> p.is(ParticipantRole.LENDER))
                .orElseThrow(() -> ProblemException.invalidField("lenderId", "lender",
                        "names no registered participant with the LENDER role"));
        if (lender.id().equals(pledgorId)) {
            throw ProblemException.invalidField("lenderId", "another-participant", "must not be the pledgor");
        }
        UUID account = accounts.holdingAccountOf(lender.id()).orElseThrow(() -> ProblemException.invalidField(
                "lenderId", "lender", "names a lender without a registry account")).id();
        return new Lender(lender.id(), lender.name(), account);
    }

    /** The pledge for its lender to act on; anyone else is refused (403). */
    static Pledge requireLender(Pledge pledge, UUID callerId, String act) {
        if (!pledge.lenderId().equals(callerId)) {
            throw ProblemException.forbidden("only the lender of pledge " + pledge.id() + " may " + act);
        }
        return pledge;
    }

    /** The pledge, if it still stands; a closed one is a 409 naming its state. */
    static Pledge requireActive(Pledge pledge) {
        if (pledge.state() != Pledge.State.ACTIVE) {
            throw ProblemException.conflict("pledge-closed", "The pledge no longer stands",
                    "pledge " + pledge.id() + " is " + pledge.state());
        }
        return pledge;
    }

    void requireAdministrator(UUID callerId, String act) {
        participants.requireRole(callerId, ParticipantRole.REGISTRY_ADMINISTRATOR, act);
    }
}
