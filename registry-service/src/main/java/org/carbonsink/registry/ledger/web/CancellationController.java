package org.carbonsink.registry.ledger.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.ledger.Cancellation;
import org.carbonsink.registry.ledger.Cancellations;
import org.carbonsink.registry.ledger.Keyset;
import org.carbonsink.support.web.CsvMessageConverter;
import org.carbonsink.support.web.KeysetPage;
import org.carbonsink.support.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public disclosure of cancellations: voluntary, by revocation, and buffer credits for reversals. */
@RestController
@RequestMapping("/cancellations")
class CancellationController {

    private final Cancellations cancellations;

    CancellationController(Cancellations cancellations) {
        this.cancellations = cancellations;
    }

    /** Oldest first; {@code after} is the {@code next} of the page before. */
    @GetMapping
    CursorPage<CancellationView> list(@RequestParam(required = false) UUID projectId,
            @RequestParam(required = false) Cancellation.Kind kind,
            @RequestParam(defaultValue = KeysetPage.DEFAULT_LIMIT) @Min(1) @Max(KeysetPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String after) {
        return CursorPage.counted(KeysetPage.of(cancellations.list(projectId, kind, Keyset.decode(after), limit + 1),
                limit, (Cancellation c) -> new Keyset(c.cancelledAt(), c.id()).encode(), CancellationView::of), null);
    }

    @GetMapping(produces = CsvMessageConverter.TEXT_CSV_VALUE)
    ResponseEntity<String> csv(@RequestParam(required = false) UUID projectId,
            @RequestParam(required = false) Cancellation.Kind kind,
            @RequestParam(defaultValue = KeysetPage.DEFAULT_LIMIT) @Min(1) @Max(KeysetPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String after, HttpServletRequest request) {
        return list(projectId, kind, limit, after).asCsv(List.of("id", "cancelledAt", "projectCode", "vintage",
                "quantity", "kind", "reason", "reversalId"), c -> List.of(c.id(), c.cancelledAt(), c.projectCode(),
                        c.vintage(), c.quantity(), c.kind(), c.reason(), c.reversalId() == null ? "" : c.reversalId()),
                request);
    }

    @GetMapping("/{id}")
    CancellationView get(@PathVariable UUID id) {
        return cancellations.find(id).map(CancellationView::of)
                .orElseThrow(() -> ProblemException.notFound("cancellation", id));
    }
}
