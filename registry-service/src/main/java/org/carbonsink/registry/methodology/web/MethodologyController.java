package org.carbonsink.registry.methodology.web;

import java.util.List;
import jakarta.validation.Valid;
import org.carbonsink.registry.methodology.EditMethodology;
import org.carbonsink.registry.methodology.EditingMethodology;
import org.carbonsink.registry.methodology.Methodologies;
import org.carbonsink.registry.methodology.Methodology;
import org.carbonsink.registry.participant.ParticipantRole;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public methodology catalogue; the administrator maintains it. */
@RestController
@RequestMapping("/methodologies")
class MethodologyController {

    private final Methodologies methodologies;
    private final EditingMethodology editing;

    MethodologyController(Methodologies methodologies, EditingMethodology editing) {
        this.methodologies = methodologies;
        this.editing = editing;
    }

    @GetMapping
    List<MethodologyView> list(@RequestParam(required = false) Methodology.Status status) {
        return methodologies.all(status).stream().map(MethodologyView::of).toList();
    }

    @PutMapping("/{code}")
    MethodologyView edit(Caller caller, @PathVariable String code, @Valid @RequestBody EditMethodologyRequest request) {
        caller.requireRole(ParticipantRole.REGISTRY_ADMINISTRATOR.name(), "edit methodologies");
        return MethodologyView.of(editing.edit(new EditMethodology(code, request.status(),
                request.bufferRate(), caller.participantId())));
    }

    @GetMapping("/{code}")
    MethodologyView get(@PathVariable String code) {
        return methodologies.find(code).map(MethodologyView::of)
                .orElseThrow(() -> ProblemException.notFound("methodology", code));
    }
}
