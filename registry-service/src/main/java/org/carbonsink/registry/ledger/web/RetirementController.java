package org.carbonsink.registry.ledger.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.ledger.Keyset;
import org.carbonsink.registry.ledger.Retirement;
import org.carbonsink.registry.ledger.Retirements;
import org.carbonsink.support.web.CsvMessageConverter;
import org.carbonsink.support.web.KeysetPage;
import org.carbonsink.support.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public disclosure of retirements: who retired what, for whom and why, with which serials. */
@RestController
@RequestMapping("/retirements")
class RetirementController {

    private final Retirements retirements;

    RetirementController(Retirements retirements) {
        this.retirements = retirements;
    }

    /** Oldest first; {@code after} is the {@code next} of the page before. */
    @GetMapping
    CursorPage<RetirementView> list(@RequestParam(required = false) UUID projectId,
            @RequestParam(defaultValue = KeysetPage.DEFAULT_LIMIT) @Min(1) @Max(KeysetPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String after) {
        return CursorPage.counted(KeysetPage.of(retirements.list(projectId, Keyset.decode(after), limit + 1), limit,
                (Retirement r) -> new Keyset(r.retiredAt(), r.id()).encode(), RetirementView::of),
                retirements.count(projectId));
    }

    @GetMapping(produces = CsvMessageConverter.TEXT_CSV_VALUE)
    ResponseEntity<String> csv(@RequestParam(required = false) UUID projectId,
            @RequestParam(defaultValue = KeysetPage.DEFAULT_LIMIT) @Min(1) @Max(KeysetPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String after, HttpServletRequest request) {
        return list(projectId, limit, after).asCsv(List.of("id", "retiredAt", "projectCode", "vintage", "quantity",
                "beneficiary", "purpose", "note", "serials"), r -> List.of(r.id(), r.retiredAt(),
                        r.projectCode(), r.vintage(), r.quantity(), r.beneficiary(), r.purpose(),
                        r.note() == null ? "" : r.note(), String.join(" ", r.serials().stream()
                                .map(SerialRangeView::serial).toList())), request);
    }

    @GetMapping("/{id}")
    RetirementView get(@PathVariable UUID id) {
        return retirements.find(id).map(RetirementView::of)
                .orElseThrow(() -> ProblemException.notFound("retirement", id));
    }
}
