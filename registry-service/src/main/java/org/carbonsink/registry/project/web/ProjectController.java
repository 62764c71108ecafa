package org.carbonsink.registry.project.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.registry.participant.ParticipantRole;
import org.carbonsink.registry.project.ApplyingForRegistration;
import org.carbonsink.registry.project.ApplyingForRegistration.ApplyForRegistration;
import org.carbonsink.registry.project.DecidingRegistration;
import org.carbonsink.registry.project.EcosystemType;
import org.carbonsink.registry.project.Project;
import org.carbonsink.registry.project.Projects;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/projects")
class ProjectController {

    private final ApplyingForRegistration applying;
    private final DecidingRegistration deciding;
    private final Projects projects;

    ProjectController(ApplyingForRegistration applying, DecidingRegistration deciding, Projects projects) {
        this.applying = applying;
        this.deciding = deciding;
        this.projects = projects;
    }

    record ApplyForRegistrationRequest(
            @NotBlank @Size(max = 300) String name,
            @NotBlank String methodologyCode,
            @NotNull EcosystemType ecosystemType,
            @NotBlank @Size(max = 100) String province,
            @NotNull @DecimalMin(value = "0.0001") @Digits(integer = 10, fraction = 4) BigDecimal areaHectares,
            UUID validatorId) {
    }

    record RejectRequest(@NotBlank @Size(max = 2000) String reason) {
    }

    record ProjectView(UUID id, String code, String name, UUID ownerId, String methodologyCode,
            EcosystemType ecosystemType, String province, BigDecimal areaHectares, UUID validatorId,
            BigDecimal bufferRate, Project.Status status, Instant appliedAt, Instant decidedAt, UUID decidedBy,
            String rejectionReason) {

        static ProjectView of(Project p) {
            return new ProjectView(p.id(), p.code(), p.name(), p.ownerId(), p.methodologyCode(), p.ecosystemType(),
                    p.province(), p.areaHectares(), p.validatorId(), p.bufferRate(), p.status(), p.appliedAt(),
                    p.decidedAt(), p.decidedBy(), p.rejectionReason());
        }
    }

    @PostMapping
    ResponseEntity<ProjectView> apply(Caller caller, @Valid @RequestBody ApplyForRegistrationRequest request) {
        caller.requireRole(ParticipantRole.PROJECT_OWNER.name(), "apply to register a project");
        Project project = applying.apply(new ApplyForRegistration(caller.participantId(), request.name(),
                request.methodologyCode(), request.ecosystemType(), request.province(), request.areaHectares(),
                request.validatorId()));
        return ResponseEntity.created(URI.create("/projects/" + project.id())).body(ProjectView.of(project));
    }

    /** Public disclosure of projects. */
    @GetMapping
    Page<ProjectView> list(@RequestParam(required = false) Project.Status status,
            @RequestParam(required = false) UUID ownerId,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        return new Page<>(projects.list(status, ownerId, limit, offset).stream().map(ProjectView::of).toList(), limit,
                offset, projects.count(status, ownerId));
    }

    @GetMapping("/{id}")
    ProjectView get(@PathVariable UUID id) {
        return ProjectView.of(projects.get(id));
    }

    @PostMapping("/{id}/registration")
    ProjectView register(Caller caller, @PathVariable UUID id) {
        caller.requireRole(ParticipantRole.REGISTRY_ADMINISTRATOR.name(), "register a project");
        return ProjectView.of(deciding.register(id, caller.participantId()));
    }

    @PostMapping("/{id}/rejection")
    ProjectView reject(Caller caller, @PathVariable UUID id, @Valid @RequestBody RejectRequest request) {
        caller.requireRole(ParticipantRole.REGISTRY_ADMINISTRATOR.name(), "reject a project");
        return ProjectView.of(deciding.reject(id, caller.participantId(), request.reason()));
    }
}
