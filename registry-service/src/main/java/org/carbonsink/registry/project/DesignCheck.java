package org.carbonsink.registry.project;

import org.carbonsink.registry.methodology.Methodologies;
import org.carbonsink.registry.methodology.Methodology;
import org.carbonsink.registry.participant.ParticipantRole;
import org.carbonsink.registry.participant.Participants;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Checks a design when it is written and again at each step that depends on it (disclosure,
 * application, registration), as the catalogue may change in between.
 */
@Component
class DesignCheck {

    private final Methodologies methodologies;
    private final Participants participants;
    private final ProjectRules rules;

    DesignCheck(Methodologies methodologies, Participants participants, ProjectRules rules) {
        this.methodologies = methodologies;
        this.participants = participants;
        this.rules = rules;
    }

    /** The design's methodology, once the design is eligible under it and names a registered verifier. */
    Methodology eligible(ProjectDesign design) {
        Methodology methodology = methodologies.find(design.methodologyCode())
                .orElseThrow(() -> ProblemException.invalidField("methodologyCode", "known-methodology",
                        "is not in the methodology catalogue: " + design.methodologyCode()));
        participants.find(design.validatorId()).filter(p -> p.is(ParticipantRole.VERIFIER))
                .orElseThrow(() -> ProblemException.invalidField("validatorId", "verifier",
                        "must name a registered verifier"));
        Eligibility.check(design, methodology, rules.maxRiskRating());
        return methodology;
    }
}
