package org.carbonsink.registry.ledger.core;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * An in-memory ledger that stores {@link BlockMove}s the way {@code SerialBlocks} does in
 * PostgreSQL: merge with the adjacent blocks of the same placement, delete the replaced blocks,
 * insert the new ones with fresh ids.
 */
final class BlockSet {

    private final TreeMap<Long, SerialBlock> byFirst = new TreeMap<>();
    private long nextId = 1;

    void add(SerialBlock block) {
        SerialBlock stored = withId(block);
        byFirst.put(stored.firstSerial(), stored);
    }

    BlockMove apply(BlockMove move) {
        if (move.isEmpty()) {
            return move;
        }
        List<SerialBlock> neighbours = new ArrayList<>();
        for (SerialBlock added : move.added()) {
            var before = byFirst.floorEntry(added.firstSerial() - 1);
            if (before != null && before.getValue().lastSerial() == added.firstSerial() - 1) {
                neighbours.add(before.getValue());
            }
            SerialBlock after = byFirst.get(added.lastSerial() + 1);
            if (after != null) {
                neighbours.add(after);
            }
        }
        BlockMove merged = move.mergedWith(neighbours);
        for (SerialBlock removed : merged.removed()) {
            if (byFirst.remove(removed.firstSerial()) == null) {
                throw new IllegalStateException("no stored block " + removed);
            }
        }
        merged.added().forEach(this::add);
        return merged;
    }

    List<SerialBlock> select(Predicate<SerialBlock> which) {
        return byFirst.values().stream().filter(which).toList();
    }

    Collection<SerialBlock> all() {
        return byFirst.values();
    }

    private SerialBlock withId(SerialBlock b) {
        return new SerialBlock(nextId++, b.issuanceId(), b.projectId(), b.projectCode(), b.vintage(), b.firstSerial(),
                b.lastSerial(), b.placement());
    }
}
