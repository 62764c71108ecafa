package org.carbonsink.registry.ledger.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.carbonsink.registry.ledger.Issuance;
import org.carbonsink.registry.ledger.Issuances;
import org.carbonsink.registry.ledger.Keyset;
import org.carbonsink.registry.ledger.LedgerCheck;
import org.carbonsink.registry.ledger.LedgerCheckSummary;
import org.carbonsink.support.web.CsvMessageConverter;
import org.carbonsink.support.web.KeysetPage;
import org.carbonsink.support.web.ProblemException;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Public disclosure of issuances and of the ledger's balance per project and vintage. */
@RestController
class IssuanceController {

    private final Issuances issuances;
    private final LedgerCheck check;
    private final LedgerCheckSummary summary;
    private final Clock clock;

    IssuanceController(Issuances issuances, LedgerCheck check, LedgerCheckSummary summary, Clock clock) {
        this.issuances = issuances;
        this.check = check;
        this.summary = summary;
        this.clock = clock;
    }

    record IssuanceView(UUID id, UUID reportId, UUID projectId, String projectCode, int vintage, long verifiedCredits,
            long ownerQuantity, long bufferQuantity, SerialRangeView ownerSerials, SerialRangeView bufferSerials,
            UUID ownerAccountId, Instant issuedAt) {

        static IssuanceView of(Issuance i) {
            return new IssuanceView(i.id(), i.reportId(), i.projectId(), i.projectCode(), i.vintage(),
                    i.verifiedCredits(), i.ownerQuantity(), i.bufferQuantity(), SerialRangeView.of(i.ownerRange()),
                    SerialRangeView.of(i.bufferRange()), i.ownerAccountId(), i.issuedAt());
        }
    }

    /** Oldest first, one entry per report and vintage; {@code after} is the {@code next} of the page before. */
    @GetMapping("/issuances")
    CursorPage<IssuanceView> list(@RequestParam(required = false) UUID projectId,
            @RequestParam(defaultValue = KeysetPage.DEFAULT_LIMIT) @Min(1) @Max(KeysetPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String after) {
        return CursorPage.counted(KeysetPage.of(issuances.list(projectId, Keyset.decode(after), limit + 1), limit,
                (Issuance i) -> new Keyset(i.issuedAt(), i.id()).encode(), IssuanceView::of),
                issuances.count(projectId));
    }

    @GetMapping(path = "/issuances", produces = CsvMessageConverter.TEXT_CSV_VALUE)
    ResponseEntity<String> csv(@RequestParam(required = false) UUID projectId,
            @RequestParam(defaultValue = KeysetPage.DEFAULT_LIMIT) @Min(1) @Max(KeysetPage.MAX_LIMIT) int limit,
            @RequestParam(required = false) String after, HttpServletRequest request) {
        return list(projectId, limit, after).asCsv(List.of("id", "issuedAt", "reportId", "projectCode", "vintage",
                "verifiedCredits", "ownerQuantity", "bufferQuantity", "ownerSerials", "bufferSerials"),
                i -> List.of(i.id(), i.issuedAt(), i.reportId(), i.projectCode(), i.vintage(), i.verifiedCredits(),
                        i.ownerQuantity(), i.bufferQuantity(), i.ownerSerials() == null ? "" : i.ownerSerials().serial(),
                        i.bufferSerials() == null ? "" : i.bufferSerials().serial()), request);
    }

    @GetMapping("/issuances/{id}")
    IssuanceView get(@PathVariable UUID id) {
        return issuances.find(id).map(IssuanceView::of).orElseThrow(() -> ProblemException.notFound("issuance", id));
    }

    record BalanceView(UUID projectId, String projectCode, int vintage, long issued, long available, long held,
            long pledged, long retired, long cancelled, long buffer, boolean balanced) {

        static BalanceView of(LedgerCheck.VintageBalance b) {
            return new BalanceView(b.projectId(), b.projectCode(), b.vintage(), b.issued(), b.available(), b.held(),
                    b.pledged(), b.retired(), b.cancelled(), b.buffer(), b.balanced());
        }
    }

    /**
     * {@code summary}: true when this is the public summary of the whole ledger, computed at
     * {@code checkedAt} (its {@code sound} and {@code violations} are the whole ledger's; {@code projectId}
     * only narrows the balances); false when the check ran for this request.
     */
    record LedgerCheckView(boolean sound, List<BalanceView> balances, List<String> violations, Instant checkedAt,
            boolean summary) {
    }

    /**
     * The ledger invariants. The public (and any caller but the administrator or an auditor) gets the
     * summary recomputed at most every {@code carbonsink.ledger.public-check-interval}; the administrator
     * and auditors get the check recomputed for their request. {@code projectId} narrows the balances.
     */
    @GetMapping("/ledger/check")
    LedgerCheckView check(@RequestParam(required = false) UUID projectId, @AuthenticationPrincipal Jwt token) {
        if (token != null && !Collections.disjoint(FULL_CHECK_ROLES, roles(token))) {
            LedgerCheck.Report report = check.run(projectId);
            return new LedgerCheckView(report.sound(), report.balances().stream().map(BalanceView::of).toList(),
                    report.violations(), clock.instant(), false);
        }
        LedgerCheckSummary.Checked checked = summary.latest();
        LedgerCheck.Report report = checked.report();
        return new LedgerCheckView(report.sound(), report.balances().stream()
                .filter(b -> projectId == null || projectId.equals(b.projectId())).map(BalanceView::of).toList(),
                report.violations(), checked.checkedAt(), true);
    }

    /** Who may make the registry scan the whole ledger on request. */
    static final Set<String> FULL_CHECK_ROLES = Set.of("REGISTRY_ADMINISTRATOR", "AUDITOR");

    private static List<String> roles(Jwt token) {
        List<String> roles = token.getClaimAsStringList("roles");
        return roles == null ? List.of() : roles;
    }
}
