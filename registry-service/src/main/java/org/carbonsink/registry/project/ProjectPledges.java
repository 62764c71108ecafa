package org.carbonsink.registry.project;

import java.util.List;
import java.util.UUID;

/**
 * What the project lifecycle asks of the pledges of a project's future issuance. The pledge feature
 * implements it, so projects never depend on pledges.
 */
public interface ProjectPledges {

    /** The standing (ACTIVE) pledges of the project's future issuance, oldest first. */
    List<FuturePledge> standingFuturePledges(UUID projectId);

    /**
     * The project was revoked (its unretired credits, pledged ones included, were cancelled in the
     * same transaction): every standing pledge on it is voided and its lender told.
     */
    void projectRevoked(UUID projectId, String reason, UUID administratorId);
}
