package org.carbonsink.registry.participant.web;

import jakarta.validation.Valid;
import java.util.UUID;
import org.carbonsink.registry.participant.Accounts;
import org.carbonsink.registry.participant.Participant;
import org.carbonsink.registry.participant.ParticipantRole;
import org.carbonsink.registry.participant.Participants;
import org.carbonsink.registry.participant.RegisterParticipant;
import org.carbonsink.registry.participant.RegisteringParticipant;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.Locations;
import org.carbonsink.support.web.Refuses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/participants")
class ParticipantController {

    private final RegisteringParticipant registering;
    private final Participants participants;
    private final Accounts accounts;

    ParticipantController(RegisteringParticipant registering, Participants participants, Accounts accounts) {
        this.registering = registering;
        this.participants = participants;
        this.accounts = accounts;
    }

    @Refuses(HttpStatus.CONFLICT)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ParticipantView> register(Caller caller, @Valid @RequestBody RegisterParticipantRequest request) {
        caller.requireRole(ParticipantRole.REGISTRY_ADMINISTRATOR.name(), "register participants");
        var registered = registering.register(new RegisterParticipant(request.subject(), request.name(),
                request.role(), caller.participantId()));
        ParticipantView view = ParticipantView.of(registered.participant(), registered.account().id());
        return ResponseEntity.created(Locations.of("/participants/" + view.id())).body(view);
    }

    /**
     * A participant's record and holding account: for the participant itself and the registry
     * administrator only. Anyone else is refused (403) before the registry looks the id up, so the
     * answer does not tell a stranger whether the id is registered; the administrator gets 404 for an
     * unknown id, as does a token holder asking for itself before it was registered.
     */
    @GetMapping("/{id}")
    ParticipantView get(Caller caller, @PathVariable UUID id) {
        if (!caller.is(id)) {
            caller.requireRole(ParticipantRole.REGISTRY_ADMINISTRATOR.name(), "read another participant's record");
            participants.requireRole(caller.participantId(), ParticipantRole.REGISTRY_ADMINISTRATOR,
                    "read another participant's record");
        }
        Participant participant = participants.get(id);
        UUID accountId = accounts.holdingAccountOf(id).map(Accounts.Account::id).orElse(null);
        return ParticipantView.of(participant, accountId);
    }
}
