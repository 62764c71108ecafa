package org.carbonsink.verification.project.messaging;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.carbonsink.contracts.ProjectRegistered;
import org.carbonsink.contracts.ProjectStateChanged;
import org.carbonsink.contracts.Topics;
import org.carbonsink.support.messaging.IncomingEvents;
import org.carbonsink.verification.project.Project;
import org.carbonsink.verification.project.RecordingProject;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Keeps the project read model in step with the registry: registrations and later state changes. */
@Component
class ProjectRegisteredListener {

    private final IncomingEvents.Handlers handlers;

    ProjectRegisteredListener(IncomingEvents incomingEvents, RecordingProject recording) {
        this.handlers = incomingEvents.consumer("verification.projects")
                .on(ProjectRegistered.class, event -> recording.record(project(event), event.calculationMethod()))
                .on(ProjectStateChanged.class, event -> recording.changeState(event.projectId(), event.state(),
                        event.issuanceBlocked(), event.reason(), event.occurredAt()));
    }

    @KafkaListener(topics = Topics.REGISTRY_PROJECTS, groupId = "${spring.kafka.consumer.group-id}")
    void on(ConsumerRecord<String, String> record) {
        handlers.handle(record);
    }

    private static Project project(ProjectRegistered event) {
        return new Project(event.projectId(), event.projectCode(), event.ownerId(), event.methodologyCode(),
                event.ecosystemType(), event.areaHectares(), event.bufferRate(), event.validatorId(),
                event.occurredAt(), event.province(), event.methodologyVersion(), null, event.creditingPeriodStart(),
                event.creditingPeriodEnd(), "REGISTERED", false, null);
    }
}
