package org.carbonsink.registry.project.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.participant.Participant;
import org.carbonsink.registry.participant.ParticipantRole;
import org.carbonsink.registry.participant.Participants;
import org.carbonsink.registry.project.ApplyingForRegistration;
import org.carbonsink.registry.project.CancellingProject;
import org.carbonsink.registry.project.ChangeProjectState;
import org.carbonsink.registry.project.ProjectPledges;
import org.carbonsink.registry.project.Comment;
import org.carbonsink.registry.project.CommentingOnProject;
import org.carbonsink.registry.project.Comments;
import org.carbonsink.registry.project.DecidingRegistration;
import org.carbonsink.registry.project.DraftProject;
import org.carbonsink.registry.project.DraftingProject;
import org.carbonsink.registry.project.EcosystemType;
import org.carbonsink.registry.project.EditProject;
import org.carbonsink.registry.project.FileValidationReport;
import org.carbonsink.registry.project.FilingValidationReport;
import org.carbonsink.registry.project.OpeningDisclosure;
import org.carbonsink.registry.project.PostComment;
import org.carbonsink.registry.project.Project;
import org.carbonsink.registry.project.ProjectCalendar;
import org.carbonsink.registry.project.ProjectFilter;
import org.carbonsink.registry.project.Projects;
import org.carbonsink.registry.project.Revocation;
import org.carbonsink.registry.project.RevokingProject;
import org.carbonsink.registry.project.SupervisingProject;
import org.carbonsink.registry.project.ValidationReport;
import org.carbonsink.registry.project.ValidationReports;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.KeysetPage;
import org.carbonsink.support.web.Locations;
import org.carbonsink.support.web.Refuses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The project lifecycle over HTTP (docs/project-lifecycle.md). Reads and public comments need no
 * token; each act checks who may do it in its use case.
 */
@RestController
@RequestMapping("/projects")
class ProjectController {

    private static final String CURSOR = "P\\d{6,}";
    private static final String OWNER = ParticipantRole.PROJECT_OWNER.name();
    private static final String ADMINISTRATOR = ParticipantRole.REGISTRY_ADMINISTRATOR.name();

    private final DraftingProject drafting;
    private final OpeningDisclosure disclosing;
    private final CommentingOnProject commenting;
    private final FilingValidationReport validating;
    private final ApplyingForRegistration applying;
    private final DecidingRegistration deciding;
    private final SupervisingProject supervising;
    private final CancellingProject cancelling;
    private final RevokingProject revoking;
    private final Projects projects;
    private final Comments comments;
    private final ValidationReports reports;
    private final ProjectCalendar calendar;
    private final Participants participants;
    private final ProjectPledges pledges;

    ProjectController(DraftingProject drafting, OpeningDisclosure disclosing, CommentingOnProject commenting,
            FilingValidationReport validating, ApplyingForRegistration applying, DecidingRegistration deciding,
            SupervisingProject supervising, CancellingProject cancelling, RevokingProject revoking, Projects projects,
            Comments comments, ValidationReports reports, ProjectCalendar calendar, Participants participants,
            ProjectPledges pledges) {
        this.drafting = drafting;
        this.disclosing = disclosing;
        this.commenting = commenting;
        this.validating = validating;
        this.applying = applying;
        this.deciding = deciding;
        this.supervising = supervising;
        this.cancelling = cancelling;
        this.revoking = revoking;
        this.projects = projects;
        this.comments = comments;
        this.reports = reports;
        this.calendar = calendar;
        this.participants = participants;
        this.pledges = pledges;
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ProjectView> draft(Caller caller, @Valid @RequestBody ProjectDesignRequest request) {
        caller.requireRole(OWNER, "draft a project");
        Project project = drafting.draft(new DraftProject(caller.participantId(), request.toDesign()));
        return ResponseEntity.created(Locations.of("/projects/" + project.id())).body(view(project));
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PutMapping("/{id}")
    ProjectView edit(Caller caller, @PathVariable UUID id, @Valid @RequestBody ProjectDesignRequest request) {
        caller.requireRole(OWNER, "edit a project's design");
        return view(drafting.edit(new EditProject(id, caller.participantId(), request.toDesign())));
    }

    /** Public disclosure of projects, in code order: {@code ?after=<next>} for the following page. */
    @GetMapping
    KeysetPage<ProjectSummaryView> list(@RequestParam(required = false) Project.Status status,
            @RequestParam(required = false) UUID ownerId, @RequestParam(required = false) EcosystemType ecosystemType,
            @RequestParam(required = false) String province, @RequestParam(required = false) String methodologyCode,
            @RequestParam(required = false) @Pattern(regexp = CURSOR) String after,
            @RequestParam(defaultValue = KeysetPage.DEFAULT_LIMIT) @Min(1) @Max(KeysetPage.MAX_LIMIT) int limit) {
        ProjectFilter filter = new ProjectFilter(status, ownerId, ecosystemType, blankToNull(province),
                blankToNull(methodologyCode));
        return KeysetPage.of(projects.list(filter, after, limit + 1), limit, Project::code, ProjectSummaryView::of);
    }

    /** Applications whose decision deadline has passed, for the administrator. */
    @GetMapping("/overdue")
    KeysetPage<ProjectSummaryView> overdue(Caller caller,
            @RequestParam(required = false) @Pattern(regexp = CURSOR) String after,
            @RequestParam(defaultValue = KeysetPage.DEFAULT_LIMIT) @Min(1) @Max(KeysetPage.MAX_LIMIT) int limit) {
        caller.requireRole(ADMINISTRATOR, "list overdue applications");
        participants.requireRole(caller.participantId(), ParticipantRole.REGISTRY_ADMINISTRATOR,
                "list overdue applications");
        return KeysetPage.of(projects.overdue(calendar.today(), after, limit + 1), limit, Project::code,
                ProjectSummaryView::of);
    }

    @GetMapping("/{id}")
    ProjectView get(@PathVariable UUID id) {
        return view(projects.get(id));
    }

    /**
     * Boundaries of many projects in one answer, for a map: by {@code ids} (at most 100; unknown ids
     * are left out) or those whose bounding box meets {@code bbox}, in code order, at most
     * {@code limit}.
     */
    @GetMapping(value = "/boundaries", produces = { "application/geo+json", "application/json" })
    BoundaryCollectionView boundaries(@RequestParam(required = false) String ids,
            @RequestParam(required = false) String bbox,
            @RequestParam(defaultValue = "100") @Min(1) @Max(KeysetPage.MAX_LIMIT) int limit) {
        BoundarySelection selection = BoundarySelection.parse(ids, bbox);
        List<Project> found = selection.ids() != null ? projects.withIds(selection.ids())
                : projects.withLandIn(selection.box(), limit + 1);
        boolean truncated = found.size() > limit;
        return BoundaryCollectionView.of(found.stream().limit(limit).filter(p -> p.design().boundary() != null)
                .map(BoundaryFeatureView::of).toList(), truncated);
    }

    /** The boundary alone, as a GeoJSON geometry. */
    @GetMapping(value = "/{id}/boundary", produces = { "application/geo+json", "application/json" })
    Object boundary(@PathVariable UUID id) {
        return projects.get(id).design().boundary().toGeoJson();
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/{id}/disclosure")
    ProjectView disclose(Caller caller, @PathVariable UUID id) {
        caller.requireRole(OWNER, "submit a project for public disclosure");
        return view(disclosing.open(id, caller.participantId()));
    }

    /** Anyone may comment during the disclosure window, without a token. */
    @Refuses(HttpStatus.CONFLICT)
    @PostMapping("/{id}/comments")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<CommentView> comment(@PathVariable UUID id, @Valid @RequestBody CommentRequest request,
            HttpServletRequest http) {
        Comment comment = commenting.post(new PostComment(id, request.author(), request.body(), http.getRemoteAddr()));
        return ResponseEntity.created(Locations.of("/projects/" + id + "/comments")).body(CommentView.of(comment));
    }

    @GetMapping("/{id}/comments")
    KeysetPage<CommentView> comments(@PathVariable UUID id, @RequestParam(required = false) UUID after,
            @RequestParam(defaultValue = KeysetPage.DEFAULT_LIMIT) @Min(1) @Max(KeysetPage.MAX_LIMIT) int limit) {
        projects.get(id);
        List<Comment> fetched = comments.of(id, after, limit + 1);
        return KeysetPage.of(fetched, limit, c -> c.id().toString(), CommentView::of);
    }

    @Refuses(HttpStatus.CONFLICT)
    @PostMapping("/{id}/validation-report")
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ValidationReportView> fileValidationReport(Caller caller, @PathVariable UUID id,
            @Valid @RequestBody ValidationReportRequest request) {
        caller.requireRole(ParticipantRole.VERIFIER.name(), "file a validation report");
        ValidationReport report = validating.file(new FileValidationReport(id, caller.participantId(),
                request.positive(), request.summary(), request.documentUrl()));
        return ResponseEntity.created(Locations.of("/projects/" + id)).body(ValidationReportView.of(report));
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/{id}/application")
    ProjectView apply(Caller caller, @PathVariable UUID id) {
        caller.requireRole(OWNER, "apply to register a project");
        return view(applying.apply(id, caller.participantId()));
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/{id}/registration")
    ProjectView register(Caller caller, @PathVariable UUID id) {
        caller.requireRole(ADMINISTRATOR, "register a project");
        return view(deciding.register(id, caller.participantId()));
    }

    @Refuses({ HttpStatus.CONFLICT, HttpStatus.UNPROCESSABLE_CONTENT })
    @PostMapping("/{id}/rejection")
    ProjectView reject(Caller caller, @PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        caller.requireRole(ADMINISTRATOR, "reject a project");
        return view(deciding.reject(id, caller.participantId(), request.reason()));
    }

    @Refuses(HttpStatus.CONFLICT)
    @PostMapping("/{id}/suspension")
    ProjectView suspend(Caller caller, @PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        caller.requireRole(ADMINISTRATOR, "suspend a project");
        return view(supervising.suspend(new ChangeProjectState(id, caller.participantId(), request.reason())));
    }

    @Refuses(HttpStatus.CONFLICT)
    @PostMapping("/{id}/resumption")
    ProjectView resume(Caller caller, @PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        caller.requireRole(ADMINISTRATOR, "resume a suspended project");
        return view(supervising.resume(new ChangeProjectState(id, caller.participantId(), request.reason())));
    }

    @Refuses(HttpStatus.CONFLICT)
    @PostMapping("/{id}/cancellation")
    ProjectView cancel(Caller caller, @PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        caller.requireRole(OWNER, "cancel a project");
        return view(cancelling.cancel(new ChangeProjectState(id, caller.participantId(), request.reason())));
    }

    @Refuses(HttpStatus.CONFLICT)
    @PostMapping("/{id}/revocation")
    RevocationView revoke(Caller caller, @PathVariable UUID id, @Valid @RequestBody ReasonRequest request) {
        caller.requireRole(ADMINISTRATOR, "revoke a project");
        Revocation revocation = revoking.revoke(new ChangeProjectState(id, caller.participantId(), request.reason()));
        return new RevocationView(view(revocation.project()), revocation.cancelledCredits());
    }

    private ProjectView view(Project project) {
        return ProjectView.of(project, nameOf(project.ownerId()), nameOf(project.design().validatorId()),
                reports.of(project.id()).orElse(null), calendar.today(), calendar.now(),
                pledges.standingFuturePledges(project.id()));
    }

    private String nameOf(UUID participantId) {
        return participantId == null ? null : participants.find(participantId).map(Participant::name).orElse(null);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
