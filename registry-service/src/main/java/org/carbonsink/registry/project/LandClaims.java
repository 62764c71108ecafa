package org.carbonsink.registry.project;

import java.math.BigDecimal;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;

/**
 * Uniqueness of land (CCER Art. 9: the same land is not in another project): a project may not
 * enter public disclosure or be registered while its boundary overlaps the land of a pending or
 * registered project by more than its methodology's tolerance. Candidates come from the bounding-box
 * index; JTS measures the exact overlap ({@link Boundary#overlapHectares}).
 */
@Component
class LandClaims {

    private final Projects projects;

    LandClaims(Projects projects) {
        this.projects = projects;
    }

    /** Refuses (422 {@code land-already-claimed}) naming the first project overlapping too much and by how much. */
    void requireUnclaimed(Project project, BigDecimal toleranceHectares) {
        projects.lockLandRegister();
        Boundary boundary = project.design().boundary();
        for (Project other : projects.claimingLandNear(boundary.envelope(), project.id())) {
            BigDecimal overlap = boundary.overlapHectares(other.design().boundary());
            if (overlap.compareTo(toleranceHectares) > 0) {
                throw ProblemException.rule("land-already-claimed", "Land claimed by another project",
                        "the boundary of " + project.code() + " overlaps project " + other.code() + " ("
                                + other.status() + ") by " + overlap.toPlainString() + " ha; at most "
                                + toleranceHectares.toPlainString() + " ha may be shared")
                        .with("field", Boundary.FIELD).with("otherProjectId", other.id())
                        .with("otherProjectCode", other.code()).with("overlapHectares", overlap)
                        .with("toleranceHectares", toleranceHectares);
            }
        }
    }
}
