package org.carbonsink.registry.ledger.core;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * One change of the ledger as plain data: the stored blocks it replaces ({@code removed}), the
 * blocks that replace them ({@code added}, not yet stored) and the serials that changed place
 * ({@code moved}). Splitting, merging and the conservation of every serial are decided here, with
 * no database; {@link SerialBlocks} only stores the result.
 *
 * <p>A move takes the lowest serials first (or exactly a named range), splits the blocks at the
 * edges, and merges what it adds with adjacent blocks of the same issuance and placement, so a
 * holding stays a few blocks however often it is split. Every move conserves serials: the added
 * blocks cover exactly the serials of the removed ones, without overlap.
 */
public record BlockMove(List<SerialBlock> removed, List<SerialBlock> added, List<SerialRange> moved) {

    public BlockMove {
        removed = List.copyOf(removed);
        added = List.copyOf(added);
        moved = List.copyOf(moved);
        conserve(removed, added);
    }

    /** Nothing moves. */
    public static BlockMove none() {
        return new BlockMove(List.of(), List.of(), List.of());
    }

    public long quantity() {
        return moved.stream().mapToLong(SerialRange::quantity).sum();
    }

    public boolean isEmpty() {
        return moved.isEmpty();
    }

    /**
     * Moves the {@code quantity} lowest serials of {@code sources} to {@code to}.
     *
     * @throws NotEnoughSerials when the sources hold fewer
     */
    public static BlockMove take(List<SerialBlock> sources, long quantity, Placement to) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("a move takes at least one serial, not " + quantity);
        }
        List<SerialBlock> ordered = movable(sources);
        long held = ordered.stream().mapToLong(SerialBlock::quantity).sum();
        if (held < quantity) {
            throw new NotEnoughSerials(held, quantity);
        }
        List<SerialBlock> removed = new ArrayList<>();
        List<SerialBlock> added = new ArrayList<>();
        List<SerialRange> moved = new ArrayList<>();
        long remaining = quantity;
        for (SerialBlock block : ordered) {
            if (remaining == 0) {
                break;
            }
            long take = Math.min(remaining, block.quantity());
            long last = block.firstSerial() + take - 1;
            removed.add(block);
            added.add(block.part(block.firstSerial(), last, to));
            if (last < block.lastSerial()) {
                added.add(block.part(last + 1, block.lastSerial(), block.placement()));
            }
            moved.add(new SerialRange(block.projectCode(), block.vintage(), block.firstSerial(), last));
            remaining -= take;
        }
        return new BlockMove(removed, merge(added), joined(moved));
    }

    /** Moves every serial of {@code sources} to {@code to}. */
    public static BlockMove takeAll(List<SerialBlock> sources, Placement to) {
        long total = movable(sources).stream().mapToLong(SerialBlock::quantity).sum();
        return total == 0 ? none() : take(sources, total, to);
    }

    /**
     * Moves exactly the serials {@code first} to {@code last} to {@code to}; the sources must hold
     * every one of them.
     *
     * @throws NotEnoughSerials naming how many of the range the sources hold
     */
    public static BlockMove takeRange(List<SerialBlock> sources, long first, long last, Placement to) {
        if (last < first) {
            throw new IllegalArgumentException("serial range ends before it starts: " + first + " to " + last);
        }
        List<SerialBlock> removed = new ArrayList<>();
        List<SerialBlock> added = new ArrayList<>();
        List<SerialRange> moved = new ArrayList<>();
        long covered = 0;
        for (SerialBlock block : movable(sources)) {
            long from = Math.max(first, block.firstSerial());
            long to2 = Math.min(last, block.lastSerial());
            if (from > to2) {
                continue;
            }
            removed.add(block);
            if (block.firstSerial() < from) {
                added.add(block.part(block.firstSerial(), from - 1, block.placement()));
            }
            added.add(block.part(from, to2, to));
            if (to2 < block.lastSerial()) {
                added.add(block.part(to2 + 1, block.lastSerial(), block.placement()));
            }
            moved.add(new SerialRange(block.projectCode(), block.vintage(), from, to2));
            covered += to2 - from + 1;
        }
        long wanted = last - first + 1;
        if (covered < wanted) {
            throw new NotEnoughSerials(covered, wanted);
        }
        return new BlockMove(removed, merge(added), joined(moved));
    }

    /**
     * The same move, merged with the stored blocks next to what it adds ({@code neighbours}, any
     * blocks; only adjacent ones of the same issuance and placement merge). A neighbour that merges
     * is removed and becomes part of an added block.
     */
    public BlockMove mergedWith(List<SerialBlock> neighbours) {
        Set<Long> seen = new HashSet<>();
        removed.forEach(b -> seen.add(b.id()));
        List<SerialBlock> stored = neighbours.stream().filter(n -> n.id() != 0 && seen.add(n.id())).toList();
        List<SerialBlock> candidates = new ArrayList<>(added);
        candidates.addAll(stored);
        List<SerialBlock> merged = merge(candidates);
        Set<Long> kept = new HashSet<>();
        merged.stream().filter(b -> b.id() != 0).forEach(b -> kept.add(b.id()));
        List<SerialBlock> newRemoved = new ArrayList<>(removed);
        stored.stream().filter(n -> !kept.contains(n.id())).forEach(newRemoved::add);
        return new BlockMove(newRemoved, merged.stream().filter(b -> b.id() == 0).toList(), moved);
    }

    /**
     * Joins adjacent blocks of one issuance and placement. A stored block that merges with nothing
     * keeps its id; every merged block is new (id 0).
     */
    public static List<SerialBlock> merge(List<SerialBlock> blocks) {
        List<SerialBlock> ordered = blocks.stream()
                .sorted(Comparator.comparingLong(SerialBlock::firstSerial)).toList();
        List<SerialBlock> out = new ArrayList<>();
        for (SerialBlock block : ordered) {
            SerialBlock last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.mergesWith(block)) {
                out.set(out.size() - 1, last.part(last.firstSerial(), block.lastSerial(), last.placement()));
            } else {
                out.add(block);
            }
        }
        return out;
    }

    /**
     * The conservation rule of a single move: per issuance, the added blocks cover exactly the
     * serials of the removed ones, no two added blocks overlap, and no final serial moves.
     */
    static void conserve(List<SerialBlock> removed, List<SerialBlock> added) {
        Map<UUID, List<long[]>> before = spans(removed);
        Map<UUID, List<long[]>> after = spans(added);
        if (!before.keySet().equals(after.keySet())) {
            throw new IllegalStateException("a move changes which issuances it covers: " + before.keySet()
                    + " became " + after.keySet());
        }
        before.forEach((issuance, spans) -> {
            List<long[]> other = after.get(issuance);
            if (!equal(union(spans), union(other)) || overlaps(other)) {
                throw new IllegalStateException("a move of issuance " + issuance + " does not conserve its serials");
            }
        });
        for (SerialBlock gone : removed) {
            if (gone.state().isFinal()) {
                throw new IllegalStateException("serial block " + gone.range().serial() + " is " + gone.state()
                        + " and never moves again");
            }
        }
    }

    private static List<SerialBlock> movable(List<SerialBlock> sources) {
        for (SerialBlock source : sources) {
            if (source.state().isFinal()) {
                throw new IllegalArgumentException("serial block " + source.range().serial() + " is "
                        + source.state() + " and never moves again");
            }
        }
        return sources.stream().sorted(Comparator.comparingLong(SerialBlock::firstSerial)).toList();
    }

    private static List<SerialRange> joined(List<SerialRange> ranges) {
        List<SerialRange> out = new ArrayList<>();
        for (SerialRange range : ranges) {
            SerialRange last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.last() + 1 == range.first() && last.vintage() == range.vintage()
                    && last.projectCode().equals(range.projectCode())) {
                out.set(out.size() - 1, new SerialRange(last.projectCode(), last.vintage(), last.first(), range.last()));
            } else {
                out.add(range);
            }
        }
        return out;
    }

    private static Map<UUID, List<long[]>> spans(List<SerialBlock> blocks) {
        Map<UUID, List<long[]>> spans = new HashMap<>();
        blocks.forEach(b -> spans.computeIfAbsent(b.issuanceId(), k -> new ArrayList<>())
                .add(new long[] {b.firstSerial(), b.lastSerial()}));
        return spans;
    }

    private static List<long[]> union(List<long[]> spans) {
        List<long[]> ordered = new ArrayList<>(spans);
        ordered.sort(Comparator.comparingLong(s -> s[0]));
        List<long[]> out = new ArrayList<>();
        for (long[] span : ordered) {
            long[] last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && span[0] <= last[1] + 1) {
                last[1] = Math.max(last[1], span[1]);
            } else {
                out.add(new long[] {span[0], span[1]});
            }
        }
        return out;
    }

    private static boolean overlaps(List<long[]> spans) {
        List<long[]> ordered = new ArrayList<>(spans);
        ordered.sort(Comparator.comparingLong(s -> s[0]));
        for (int i = 1; i < ordered.size(); i++) {
            if (ordered.get(i)[0] <= ordered.get(i - 1)[1]) {
                return true;
            }
        }
        return false;
    }

    private static boolean equal(List<long[]> a, List<long[]> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i)[0] != b.get(i)[0] || a.get(i)[1] != b.get(i)[1]) {
                return false;
            }
        }
        return true;
    }

    /** The sources hold fewer of the asked serials than the move needs. */
    public static final class NotEnoughSerials extends RuntimeException {

        private final long held;
        private final long wanted;

        NotEnoughSerials(long held, long wanted) {
            super("the blocks hold " + held + " of the " + wanted + " serials asked for");
            this.held = held;
            this.wanted = wanted;
        }

        public long held() {
            return held;
        }

        public long wanted() {
            return wanted;
        }
    }
}
