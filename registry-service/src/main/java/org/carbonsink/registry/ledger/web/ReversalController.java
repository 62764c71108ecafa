package org.carbonsink.registry.ledger.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.ledger.Keyset;
import org.carbonsink.registry.ledger.RecordReversal;
import org.carbonsink.registry.ledger.RecordingReversals;
import org.carbonsink.registry.ledger.Reversal;
import org.carbonsink.registry.ledger.Reversals;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.CsvMessageConverter;
import org.carbonsink.support.web.KeysetPage;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.support.web.Refuses;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reversals: the registry administrator records a loss (the role rule in the service's
 * configuration refuses anyone else before the body is read); everyone reads them.
 */
@RestController
@RequestMapping("/reversals")
class ReversalController {

    private final RecordingReversals recording;
    private final Reversals reversals;

    ReversalController(RecordingReversals recording, Reversals reversals) {
        this.recording = recording;
        this.reversals = reversals;
    }

    @Refuses(HttpStatus.CONFLICT)
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ResponseEntity<ReversalView> record(Caller caller, @Valid @RequestBody ReversalRequest request) {
        ReversalView reversal = ReversalView.of(recording.record(new RecordReversal(request.projectId(),
                request.lossDate(), request.cause(), request.lossCredits(), caller.participantId())));
        return ResponseEntity.created(URI.create(reversal.url())).body(reversal);
    }

    /** Oldest first; {@code after} is the {@code next} of the page before. */
    @GetMapping
    CursorPage<ReversalView> list(@RequestParam(required = false) UUID projectId,
            @RequestParam(defaultValue = KeysetPage.DEFAULT_LIMIT) @Min(1) @Max(KeysetPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String after) {
        return CursorPage.counted(KeysetPage.of(reversals.list(projectId, Keyset.decode(after), limit + 1), limit,
                (Reversal r) -> new Keyset(r.recordedAt(), r.id()).encode(), ReversalView::of), null);
    }

    @GetMapping(produces = CsvMessageConverter.TEXT_CSV_VALUE)
    ResponseEntity<String> csv(@RequestParam(required = false) UUID projectId,
            @RequestParam(defaultValue = KeysetPage.DEFAULT_LIMIT) @Min(1) @Max(KeysetPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String after, HttpServletRequest request) {
        return list(projectId, limit, after).asCsv(List.of("id", "recordedAt", "projectCode", "lossDate", "cause",
                "lossCredits", "bufferCancelled", "shortfall", "madeGoodCredits", "issuanceBlocked", "reportId"),
                r -> List.of(r.id(), r.recordedAt(), r.projectCode(), r.lossDate(), r.cause(), r.lossCredits(),
                        r.bufferCancelled(), r.shortfall(), r.madeGoodCredits(), r.issuanceBlocked(),
                        r.reportId() == null ? "" : r.reportId()), request);
    }

    @GetMapping("/{id}")
    ReversalView get(@PathVariable UUID id) {
        return reversals.find(id).map(ReversalView::of).orElseThrow(() -> ProblemException.notFound("reversal", id));
    }
}
