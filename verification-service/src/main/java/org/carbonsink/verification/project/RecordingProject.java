package org.carbonsink.verification.project;

import java.time.Instant;
import java.util.UUID;
import org.carbonsink.verification.calculation.CalculationMethod;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records a project the registry registered, once; a later copy for a known project id changes
 * nothing. A registration without a calculation method (an older producer) gets the method derived
 * from its methodology code and ecosystem; a method name this service does not know is derived too,
 * and logged.
 */
@Component
public class RecordingProject {

    private static final Logger log = LoggerFactory.getLogger(RecordingProject.class);

    private final Projects projects;

    RecordingProject(Projects projects) {
        this.projects = projects;
    }

    /** Runs in the transaction of the incoming event, with its inbox row. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(Project announced, String announcedMethod) {
        CalculationMethod method = CalculationMethod.named(announcedMethod).orElseGet(() -> {
            if (announcedMethod != null) {
                log.warn("project {} names calculation method {}, which this service does not know; derived instead",
                        announced.code(), announcedMethod);
            }
            return CalculationMethod.derive(announced.methodologyCode(), announced.ecosystemType()).orElse(null);
        });
        Project project = new Project(announced.id(), announced.code(), announced.ownerId(), announced.methodologyCode(),
                announced.ecosystemType(), announced.areaHectares(), announced.bufferRate(), announced.validatorId(),
                announced.registeredAt(), announced.province(), announced.methodologyVersion(), method,
                announced.creditingPeriodStart(), announced.creditingPeriodEnd(), "REGISTERED", false, null);
        if (projects.addIfAbsent(project)) {
            log.info("project {} ({}) recorded, method {}", project.code(), project.id(), method);
        } else {
            log.warn("project {} ({}) was already recorded; the new registration is ignored", project.code(),
                    project.id());
        }
    }

    /** The registry changed the project's state; an older change arriving late is ignored. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void changeState(UUID projectId, String state, boolean issuanceBlocked, String reason, Instant at) {
        if (projects.changeState(projectId, state, issuanceBlocked, reason, at)) {
            log.info("project {} is now {}{}", projectId, state, issuanceBlocked ? ", issuance blocked" : "");
        } else {
            log.warn("state {} of project {} at {} not recorded: project unknown or a later state known", state,
                    projectId, at);
        }
    }
}
