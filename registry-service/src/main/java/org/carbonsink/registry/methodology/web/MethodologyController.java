package org.carbonsink.registry.methodology.web;

import java.math.BigDecimal;
import java.util.List;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
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

    /** The non-permanence buffer share lies in [0, 1): a sink cannot give all its credits to the pool. */
    record EditMethodologyRequest(@NotNull Methodology.Status status,
            @NotNull @DecimalMin("0") @DecimalMax(value = "1", inclusive = false) @Digits(integer = 1, fraction = 4)
            BigDecimal bufferRate) {
    }

    record MethodologyView(String code, String version, String name, String nameZh, String sector,
            List<String> ecosystemTypes, Methodology.Status status, Integer creditingPeriodMinYears,
            Integer creditingPeriodMaxYears, BigDecimal bufferRate, String calculationMethod,
            BigDecimal overlapToleranceHectares, String source) {

        static MethodologyView of(Methodology m) {
            return new MethodologyView(m.code(), m.version(), m.name(), m.nameZh(), m.sector(), m.ecosystemTypes(),
                    m.status(), m.creditingPeriodMinYears(), m.creditingPeriodMaxYears(), m.bufferRate(),
                    m.calculationMethod(), m.overlapToleranceHectares(), m.source());
        }
    }

    @GetMapping
    List<MethodologyView> list(@RequestParam(required = false) Methodology.Status status) {
        return methodologies.all(status).stream().map(MethodologyView::of).toList();
    }

    @PutMapping("/{code}")
    MethodologyView edit(Caller caller, @PathVariable String code, @Valid @RequestBody EditMethodologyRequest request) {
        caller.requireRole(ParticipantRole.REGISTRY_ADMINISTRATOR.name(), "edit methodologies");
        return MethodologyView.of(editing.edit(new EditingMethodology.EditMethodology(code, request.status(),
                request.bufferRate(), caller.participantId())));
    }

    @GetMapping("/{code}")
    MethodologyView get(@PathVariable String code) {
        return methodologies.find(code).map(MethodologyView::of)
                .orElseThrow(() -> ProblemException.notFound("methodology", code));
    }
}
