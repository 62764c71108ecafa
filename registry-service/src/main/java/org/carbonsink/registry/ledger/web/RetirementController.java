package org.carbonsink.registry.ledger.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.ledger.Retirement;
import org.carbonsink.registry.ledger.Retirements;
import org.carbonsink.support.web.Page;
import org.carbonsink.support.web.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public disclosure of retirements: who retired what, for whom, with which serials. */
@RestController
@RequestMapping("/retirements")
class RetirementController {

    private final Retirements retirements;

    RetirementController(Retirements retirements) {
        this.retirements = retirements;
    }

    record RetirementView(UUID id, UUID accountId, UUID holderId, UUID projectId, String projectCode, int vintage,
            long quantity, String beneficiary, String purpose, Instant retiredAt, List<SerialRangeView> serials) {

        static RetirementView of(Retirement r) {
            return new RetirementView(r.id(), r.accountId(), r.holderId(), r.projectId(), r.projectCode(), r.vintage(),
                    r.quantity(), r.beneficiary(), r.purpose(), r.retiredAt(),
                    r.serials().stream().map(SerialRangeView::of).toList());
        }
    }

    @GetMapping
    Page<RetirementView> list(@RequestParam(required = false) UUID projectId,
            @RequestParam(defaultValue = Page.DEFAULT_LIMIT) @Min(1) @Max(Page.MAX_LIMIT) int limit,
            @RequestParam(defaultValue = "0") @Min(0) long offset) {
        return new Page<>(retirements.list(projectId, limit, offset).stream().map(RetirementView::of).toList(), limit,
                offset, retirements.count(projectId));
    }

    @GetMapping("/{id}")
    RetirementView get(@PathVariable UUID id) {
        return retirements.find(id).map(RetirementView::of)
                .orElseThrow(() -> ProblemException.notFound("retirement", id));
    }
}
