package org.carbonsink.registry.audit;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Pages through the audit trail in chain order, all of it or about one subject. */
@Component
public class ReadingAuditTrail {

    private final AuditEntries entries;

    ReadingAuditTrail(AuditEntries entries) {
        this.entries = entries;
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> page(long afterSeq, int limit, String subjectType, String subjectId) {
        return subjectType == null ? entries.after(afterSeq, limit)
                : entries.about(subjectType, subjectId, afterSeq, limit);
    }
}
