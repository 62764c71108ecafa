package org.carbonsink.registry.audit.web;

import java.util.List;
import org.carbonsink.registry.audit.AuditEntry;
import org.carbonsink.registry.audit.ReadingAuditTrail;
import org.carbonsink.registry.audit.VerifyingAuditChain;
import org.carbonsink.registry.participant.ParticipantRole;
import org.carbonsink.support.web.Caller;
import org.carbonsink.support.web.ProblemException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The administrator reads the audit trail and verifies its chain; anyone may see whether the chain
 * is intact and its head (entries count and head hash), so outsiders can compare notes over time.
 */
@RestController
@RequestMapping("/audit")
class AuditController {

    static final int MAX_PAGE = 500;

    private final VerifyingAuditChain verifying;
    private final ReadingAuditTrail reading;

    AuditController(VerifyingAuditChain verifying, ReadingAuditTrail reading) {
        this.verifying = verifying;
        this.reading = reading;
    }

    /** The full check, with the first broken entry named: administrator only. */
    @GetMapping("/verification")
    VerifyingAuditChain.ChainCheck verify(Caller caller) {
        caller.requireRole(ParticipantRole.REGISTRY_ADMINISTRATOR.name(), "verify the audit chain");
        return verifying.verify();
    }

    /** Public: whether the chain is intact, and its head. */
    @GetMapping("/status")
    AuditStatusView status() {
        VerifyingAuditChain.ChainCheck check = verifying.verify();
        return new AuditStatusView(check.intact(), check.entries(), check.headHash());
    }

    record AuditStatusView(boolean intact, long entries, String headHash) {
    }

    record AuditPage(List<AuditEntry> entries, Long next) {
    }

    /**
     * Entries in chain order after {@code after} (a keyset cursor: the {@code next} of the previous
     * page), optionally about one subject: administrator only.
     */
    @GetMapping("/entries")
    AuditPage entries(Caller caller, @RequestParam(defaultValue = "0") long after,
            @RequestParam(defaultValue = "100") int limit, @RequestParam(required = false) String subjectType,
            @RequestParam(required = false) String subjectId) {
        caller.requireRole(ParticipantRole.REGISTRY_ADMINISTRATOR.name(), "read the audit trail");
        if (limit < 1 || limit > MAX_PAGE) {
            throw ProblemException.invalidField("limit", "range", "must be between 1 and " + MAX_PAGE);
        }
        if (after < 0) {
            throw ProblemException.invalidField("after", "range", "must be a sequence number, 0 or more");
        }
        if ((subjectType == null) != (subjectId == null)) {
            throw ProblemException.invalidField(subjectType == null ? "subjectType" : "subjectId", "together",
                    "subjectType and subjectId go together");
        }
        // one more than asked: a next page is announced only when there is one
        List<AuditEntry> page = reading.page(after, limit + 1, subjectType, subjectId);
        if (page.size() <= limit) {
            return new AuditPage(page, null);
        }
        List<AuditEntry> entries = page.subList(0, limit);
        return new AuditPage(entries, entries.get(limit - 1).seq());
    }
}
