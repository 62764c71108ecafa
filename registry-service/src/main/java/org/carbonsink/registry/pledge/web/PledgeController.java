package org.carbonsink.registry.pledge.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.registry.ledger.CreditSelection;
import org.carbonsink.registry.ledger.Keyset;
import org.carbonsink.registry.participant.ParticipantRole;
import org.carbonsink.registry.participant.Participants;
import org.carbonsink.registry.pledge.EnforcingPledge;
import org.carbonsink.registry.pledge.LoanTerms;
import org.carbonsink.registry.pledge.Pledge;
import org.carbonsink.registry.pledge.PledgeCredits;
import org.carbonsink.registry.pledge.PledgeFutureIssuance;
import org.carbonsink.registry.pledge.Pledges;
import org.carbonsink.registry.pledge.PledgingCredits;
import org.carbonsink.registry.pledge.PledgingFutureIssuance;
import org.carbonsink.registry.pledge.ReleasePledge;
import org.carbonsink.registry.pledge.ReleasingPledge;
import org.carbonsink.registry.pledge.RequestEnforcement;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.KeysetPage;
import org.carbonsink.support.web.Locations;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.support.web.Refuses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Pledges: made by a holder (issued credits) or a project owner (future issuance), released by the
 * lender, enforced on the lender's request with the administrator's confirmation; and the public
 * register, JSON or CSV, without a token. A request with a valid token of a party or the
 * administrator also sees the loan terms.
 */
@RestController
class PledgeController {

    private final PledgingCredits pledgingCredits;
    private final PledgingFutureIssuance pledgingFuture;
    private final ReleasingPledge releasing;
    private final EnforcingPledge enforcing;
    private final Pledges pledges;
    private final Participants participants;

    PledgeController(PledgingCredits pledgingCredits, PledgingFutureIssuance pledgingFuture,
            ReleasingPledge releasing, EnforcingPledge enforcing, Pledges pledges, Participants participants) {
        this.pledgingCredits = pledgingCredits;
        this.pledgingFuture = pledgingFuture;
        this.releasing = releasing;
        this.enforcing = enforcing;
        this.pledges = pledges;
        this.participants = participants;
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/pledges")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<PledgeView> pledge(Caller caller, @Valid @RequestBody PledgeRequest request) {
        LoanTerms terms = new LoanTerms(request.loanReference(), request.securedAmount(), request.currency(),
                request.maturityDate());
        Pledge pledge;
        if (request.kind() == PledgeRequest.Kind.CREDITS) {
            if (request.accountId() == null) {
                throw ProblemException.invalidField("accountId", "required", "is required to pledge issued credits");
            }
            if (request.vintage() == null) {
                throw ProblemException.invalidField("vintage", "required", "is required to pledge issued credits");
            }
            pledge = pledgingCredits.pledge(new PledgeCredits(caller.participantId(), request.accountId(),
                    request.projectId(), request.vintage(),
                    new CreditSelection(request.quantity(), request.firstSerial(), request.lastSerial()),
                    request.lenderId(), terms));
        } else {
            for (var absent : new Object[][] {{"accountId", request.accountId()}, {"vintage", request.vintage()},
                    {"firstSerial", request.firstSerial()}, {"lastSerial", request.lastSerial()}}) {
                if (absent[1] != null) {
                    throw ProblemException.invalidField((String) absent[0], "absent",
                            "is not given for a pledge of future issuance");
                }
            }
            if (request.quantity() == null) {
                throw ProblemException.invalidField("quantity", "required", "is required");
            }
            pledge = pledgingFuture.pledge(new PledgeFutureIssuance(caller.participantId(), request.projectId(),
                    request.quantity(), request.lenderId(), terms));
        }
        return ResponseEntity.created(Locations.of("/pledges/" + pledge.id())).body(PledgeView.of(pledge, true));
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/pledges/{id}/releases")
    PledgeView release(Caller caller, @PathVariable UUID id, @Valid @RequestBody ReleaseRequest request) {
        return PledgeView.of(releasing.release(new ReleasePledge(id, caller.participantId(), request.quantity())),
                true);
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/pledges/{id}/enforcement-request")
    PledgeView requestEnforcement(Caller caller, @PathVariable UUID id,
            @Valid @RequestBody EnforcementRequest request) {
        return PledgeView.of(enforcing.request(new RequestEnforcement(id, caller.participantId(), request.reason(),
                request.description())),
                true);
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/pledges/{id}/enforcement")
    PledgeView confirmEnforcement(Caller caller, @PathVariable UUID id) {
        return PledgeView.of(enforcing.confirm(id, caller.participantId()), true);
    }

    /** The public register, oldest first; {@code after} is the {@code next} of the page before. */
    @GetMapping("/pledges")
    KeysetPage<PledgeView> register(@RequestParam(required = false) UUID projectId,
            @RequestParam(required = false) @Min(2000) @Max(2200) Integer vintage,
            @RequestParam(required = false) Pledge.State state, @RequestParam(required = false) String after,
            @RequestParam(defaultValue = KeysetPage.DEFAULT_LIMIT) @Min(1) @Max(KeysetPage.MAX_LIMIT) int limit) {
        Viewer viewer = viewer();
        return KeysetPage.of(pledges.page(projectId, vintage, state, Keyset.decode(after), limit + 1), limit,
                p -> new Keyset(p.createdAt(), p.id()).encode(), p -> PledgeView.of(p, viewer.sees(p)));
    }

    @GetMapping("/pledges/{id}")
    PledgeView get(@PathVariable UUID id) {
        Pledge pledge = pledges.find(id).orElseThrow(() -> ProblemException.notFound("pledge", id));
        return PledgeView.of(pledge, viewer().sees(pledge));
    }

    /**
     * The register narrowed to one project, a part of the project as its comments are: a project the registry
     * never had is not found (404), where an empty register would read as "nothing pledged".
     */
    @GetMapping("/projects/{id}/pledges")
    KeysetPage<PledgeView> ofProject(@PathVariable UUID id, @RequestParam(required = false) Pledge.State state,
            @RequestParam(required = false) String after,
            @RequestParam(defaultValue = KeysetPage.DEFAULT_LIMIT) @Min(1) @Max(KeysetPage.MAX_LIMIT) int limit) {
        if (!pledges.hasProject(id)) {
            throw ProblemException.notFound("project", id);
        }
        return register(id, null, state, after, limit);
    }

    /** Who is reading the register: anonymous, a participant, or the administrator. */
    private record Viewer(UUID participantId, boolean administrator) {

        boolean sees(Pledge pledge) {
            return administrator || participantId != null && pledge.isParty(participantId);
        }
    }

    /** The register is public: a token is optional, and only widens what its holder sees. */
    private Viewer viewer() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            return new Viewer(null, false);
        }
        UUID participant;
        try {
            participant = UUID.fromString(token.getToken().getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return new Viewer(null, false);
        }
        boolean administrator = participants.find(participant).map(p -> p.is(ParticipantRole.REGISTRY_ADMINISTRATOR))
                .orElse(false);
        return new Viewer(participant, administrator);
    }
}
