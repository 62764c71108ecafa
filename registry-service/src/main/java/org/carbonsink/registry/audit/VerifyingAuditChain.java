package org.carbonsink.registry.audit;

import java.util.List;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Walks the whole audit trail in order and recomputes every link: each entry's hash from its own
 * fields, its previous hash against the entry before it, the numbering without gaps, and the head
 * against the last entry. Answers the first entry where the chain breaks.
 */
@Component
public class VerifyingAuditChain {

    private static final int PAGE = 1_000;

    private final AuditEntries entries;

    VerifyingAuditChain(AuditEntries entries) {
        this.entries = entries;
    }

    /** {@code firstBrokenSeq} and {@code problem} are null when the chain is intact. */
    public record ChainCheck(long entries, String headHash, boolean intact, Long firstBrokenSeq, String problem) {
    }

    @Transactional(readOnly = true)
    public ChainCheck verify() {
        AuditEntries.Head head = entries.head();
        long expectedSeq = 1;
        String previousHash = ChainHash.GENESIS;
        long after = 0;
        while (true) {
            List<AuditEntry> page = entries.after(after, PAGE);
            for (AuditEntry entry : page) {
                String problem = problem(entry, expectedSeq, previousHash);
                if (problem != null) {
                    return new ChainCheck(head.seq(), head.hash(), false, entry.seq(), problem);
                }
                previousHash = entry.hash();
                expectedSeq++;
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).seq();
        }
        long last = expectedSeq - 1;
        if (last != head.seq() || !previousHash.equals(head.hash())) {
            return new ChainCheck(head.seq(), head.hash(), false, last + 1,
                    "the chain's head names entry " + head.seq() + " but the trail ends at entry " + last
                            + (last == head.seq() ? " with another hash" : ": entries are missing at the end"));
        }
        return new ChainCheck(last, head.hash(), true, null, null);
    }

    private static String problem(AuditEntry entry, long expectedSeq, String previousHash) {
        if (entry.seq() != expectedSeq) {
            return "entry " + expectedSeq + " is missing: the next entry is " + entry.seq();
        }
        if (!entry.previousHash().equals(previousHash)) {
            return "entry " + entry.seq() + " does not link to the entry before it (previous hash differs)";
        }
        if (!entry.expectedHash().equals(entry.hash())) {
            return "entry " + entry.seq() + " was changed after it was recorded (its hash does not match its content)";
        }
        return null;
    }
}
