package org.carbonsink.registry.project;

import java.util.UUID;
import org.carbonsink.registry.audit.AuditTrail;
import org.carbonsink.registry.methodology.Methodology;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The owner submits the draft for public disclosure (CCER Art. 10: the design and the validator are
 * disclosed for 20 working days and the public may comment). The design must still be eligible and
 * its land unclaimed; the window opens today.
 */
@Component
public class OpeningDisclosure {

    private final Projects projects;
    private final ProjectOwnership ownership;
    private final DesignCheck designCheck;
    private final LandClaims landClaims;
    private final ProjectCalendar calendar;
    private final AuditTrail audit;

    OpeningDisclosure(Projects projects, ProjectOwnership ownership, DesignCheck designCheck, LandClaims landClaims,
            ProjectCalendar calendar, AuditTrail audit) {
        this.projects = projects;
        this.ownership = ownership;
        this.designCheck = designCheck;
        this.landClaims = landClaims;
        this.calendar = calendar;
        this.audit = audit;
    }

    @Transactional
    public Project open(UUID projectId, UUID ownerId) {
        Project project = ownership.lockOwned(projectId, ownerId, "submit the project for public disclosure");
        Project.Status next = ProjectLifecycle.next(project.status(), ProjectLifecycle.Act.OPEN_DISCLOSURE,
                project.code());
        Methodology methodology = designCheck.eligible(project.design());
        landClaims.requireUnclaimed(project, methodology.overlapToleranceHectares());
        Project.Disclosure window = calendar.disclosureFromToday();
        projects.openDisclosure(projectId, window);
        audit.append("PROJECT_DISCLOSED", ProjectAudit.SUBJECT, projectId.toString(), ownerId,
                ProjectAudit.transition(project, next, "opens", window.opens(), "closes", window.closes()));
        return projects.get(projectId);
    }
}
