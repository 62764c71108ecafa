package org.carbonsink.verification.project.web;

import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.verification.project.Projects;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Public: the projects verification knows, as the registry registered them. */
@RestController
class ProjectController {

    private final Projects projects;

    ProjectController(Projects projects) {
        this.projects = projects;
    }

    @GetMapping("/projects/{id}")
    ProjectView project(@PathVariable UUID id) {
        return projects.find(id).map(ProjectView::of).orElseThrow(() -> ProblemException.notFound("project", id));
    }
}
