package org.carbonsink.registry.project;

import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.springframework.stereotype.Component;

/** Acts only the project's owner may do: another participant is refused (403). */
@Component
class ProjectOwnership {

    private final Projects projects;

    ProjectOwnership(Projects projects) {
        this.projects = projects;
    }

    /** Locks the project after checking the caller owns it. */
    Project lockOwned(UUID projectId, UUID callerId, String act) {
        Project project = projects.lock(projectId);
        if (!project.ownerId().equals(callerId)) {
            throw ProblemException.forbidden("only the owner of project " + project.code() + " may " + act);
        }
        return project;
    }
}
