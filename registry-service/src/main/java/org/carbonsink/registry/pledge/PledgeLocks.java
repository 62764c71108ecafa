package org.carbonsink.registry.pledge;

import java.util.UUID;
import org.carbonsink.support.web.ProblemException;

/** Takes the locks of a change to one pledge in the order of package-info: project row (share), then pledge row. */
final class PledgeLocks {

    private PledgeLocks() {
    }

    static Pledge lock(Pledges pledges, UUID pledgeId) {
        Pledge seen = pledges.find(pledgeId).orElseThrow(() -> ProblemException.notFound("pledge", pledgeId));
        pledges.shareProject(seen.projectId());
        return pledges.lock(pledgeId).orElseThrow();
    }
}
