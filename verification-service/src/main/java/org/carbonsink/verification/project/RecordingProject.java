package org.carbonsink.verification.project;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Records a project the registry registered, once; a later copy for a known project id changes nothing. */
@Component
public class RecordingProject {

    private static final Logger log = LoggerFactory.getLogger(RecordingProject.class);

    private final Projects projects;

    RecordingProject(Projects projects) {
        this.projects = projects;
    }

    /** Runs in the transaction of the incoming event, with its inbox row. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Project project) {
        if (projects.addIfAbsent(project)) {
            log.info("project {} ({}) recorded", project.code(), project.id());
        } else {
            log.warn("project {} ({}) was already recorded; the new registration is ignored", project.code(),
                    project.id());
        }
    }
}
