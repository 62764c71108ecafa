package org.carbonsink.registry.ledger.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The ledger invariants over a whole set of blocks, in plain Java: per issuance, the blocks cover
 * exactly its serial range (invariant 1: nothing lost, nothing made up); no two blocks overlap
 * (invariant 2); and the set is compact: no two adjacent blocks of one issuance share a placement.
 * The database checks the same with its constraints and {@code LedgerCheck} with SQL.
 */
public final class Conservation {

    private Conservation() {
    }

    /** The serial range issued to an issuance. */
    public record Issued(long first, long last) {
    }

    /** What is wrong with {@code blocks} given what was issued; empty when sound. */
    public static List<String> violations(Collection<SerialBlock> blocks, Map<UUID, Issued> issued) {
        List<String> violations = new ArrayList<>();
        List<SerialBlock> ordered = blocks.stream().sorted(Comparator.comparingLong(SerialBlock::firstSerial)).toList();
        for (int i = 1; i < ordered.size(); i++) {
            SerialBlock before = ordered.get(i - 1);
            SerialBlock block = ordered.get(i);
            if (block.firstSerial() <= before.lastSerial()) {
                violations.add("overlap: " + before.range().serial() + " and " + block.range().serial());
            }
            if (before.mergesWith(block)) {
                violations.add("not merged: " + before.range().serial() + " and " + block.range().serial());
            }
        }
        Map<UUID, Long> covered = new HashMap<>();
        for (SerialBlock block : ordered) {
            Issued range = issued.get(block.issuanceId());
            if (range == null || block.firstSerial() < range.first() || block.lastSerial() > range.last()) {
                violations.add("outside its issuance: " + block.range().serial());
            }
            covered.merge(block.issuanceId(), block.quantity(), Long::sum);
        }
        issued.forEach((id, range) -> {
            long quantity = range.last() - range.first() + 1;
            long found = covered.getOrDefault(id, 0L);
            if (found != quantity) {
                violations.add("conservation: issuance " + id + " issued " + quantity + " but its blocks cover " + found);
            }
        });
        return violations;
    }
}
