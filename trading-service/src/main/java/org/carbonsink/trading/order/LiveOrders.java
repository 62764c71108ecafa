package org.carbonsink.trading.order;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.ToIntFunction;
import java.util.stream.Stream;

/**
 * The orders a book holds, found by engine id and by order id: two open-addressing tables of the orders
 * themselves (linear probing, deletion by backward shift), whose keys are read from the order. A book
 * keeps every resting order for as long as it rests, hundreds of thousands of them; two hash maps
 * cost each one a boxed engine id and two map entries beside the order, three more objects that the
 * garbage collector marks in every cycle (docs/benchmarks.md, session 9). Only the writer's thread touches it.
 */
final class LiveOrders {

    private static final long MIX = 0x9E3779B97F4A7C15L;

    private LiveOrder[] byEngineId = new LiveOrder[16];
    private LiveOrder[] byId = new LiveOrder[16];
    private int shift = 64 - 4;
    private int size;
    private final ToIntFunction<LiveOrder> engineHome = order -> engineSlot(order.engineId);
    private final ToIntFunction<LiveOrder> idHome = order -> idSlot(order.id);

    /**
     * Adds an order that is not held (a book tracks an order when it enters and untracks it when it leaves): a put
     * looks nothing up, which at a million resting orders is a cache miss per slot probed.
     */
    void put(LiveOrder order) {
        if ((size + 1) * 2 > byEngineId.length) {
            grow();
        }
        insert(byEngineId, order, engineSlot(order.engineId));
        insert(byId, order, idSlot(order.id));
        size++;
    }

    /** The order with this engine id, or null. */
    LiveOrder byEngineId(long engineId) {
        int mask = byEngineId.length - 1;
        for (int i = engineSlot(engineId); ; i = (i + 1) & mask) {
            LiveOrder at = byEngineId[i];
            if (at == null || at.engineId == engineId) {
                return at;
            }
        }
    }

    /** The order with this id, or null. */
    LiveOrder byId(UUID id) {
        int mask = byId.length - 1;
        for (int i = idSlot(id); ; i = (i + 1) & mask) {
            LiveOrder at = byId[i];
            if (at == null || at.id.equals(id)) {
                return at;
            }
        }
    }

    boolean holds(UUID id) {
        return byId(id) != null;
    }

    /** Removes the order held under its engine id and the one held under its order id. */
    void remove(LiveOrder order) {
        if (removeEngineId(order.engineId)) {
            size--;
        }
        removeId(order.id);
    }

    int size() {
        return size;
    }

    /** The orders held, in no particular order. */
    Stream<LiveOrder> stream() {
        return Arrays.stream(byEngineId).filter(Objects::nonNull);
    }

    /** The orders held, in no particular order, as a list of their own. */
    List<LiveOrder> all() {
        List<LiveOrder> all = new ArrayList<>(size);
        for (LiveOrder order : byEngineId) {
            if (order != null) {
                all.add(order);
            }
        }
        return all;
    }

    private boolean removeEngineId(long engineId) {
        int mask = byEngineId.length - 1;
        int at = engineSlot(engineId);
        while (byEngineId[at] != null && byEngineId[at].engineId != engineId) {
            at = (at + 1) & mask;
        }
        return vacate(byEngineId, at, engineHome);
    }

    private boolean removeId(UUID id) {
        int mask = byId.length - 1;
        int at = idSlot(id);
        while (byId[at] != null && !byId[at].id.equals(id)) {
            at = (at + 1) & mask;
        }
        return vacate(byId, at, idHome);
    }

    /**
     * Empties the slot {@code hole} of {@code table} (nothing to do if it is empty already), pulling back every
     * later order of its run whose home slot does not lie after the hole, so that a look-up never stops early.
     */
    private static boolean vacate(LiveOrder[] table, int hole, ToIntFunction<LiveOrder> home) {
        if (table[hole] == null) {
            return false;
        }
        int mask = table.length - 1;
        for (int j = (hole + 1) & mask; table[j] != null; j = (j + 1) & mask) {
            if (!between(hole, home.applyAsInt(table[j]), j)) {
                table[hole] = table[j];
                hole = j;
            }
        }
        table[hole] = null;
        return true;
    }

    /** Whether {@code home} lies cyclically in (hole, j]: the order at j may not move back to the hole. */
    private static boolean between(int hole, int home, int j) {
        return hole <= j ? home > hole && home <= j : home > hole || home <= j;
    }

    private static void insert(LiveOrder[] table, LiveOrder order, int slot) {
        int mask = table.length - 1;
        int i = slot;
        while (table[i] != null) {
            i = (i + 1) & mask;
        }
        table[i] = order;
    }

    private int engineSlot(long engineId) {
        // Fibonacci hashing: engine ids are sequence numbers, which the multiply spreads
        return (int) ((engineId * MIX) >>> shift);
    }

    private int idSlot(UUID id) {
        return (int) (((id.getMostSignificantBits() ^ id.getLeastSignificantBits()) * MIX) >>> shift);
    }

    private void grow() {
        LiveOrder[] old = byEngineId;
        byEngineId = new LiveOrder[old.length * 2];
        byId = new LiveOrder[old.length * 2];
        shift--;
        for (LiveOrder order : old) {
            if (order != null) {
                insert(byEngineId, order, engineSlot(order.engineId));
                insert(byId, order, idSlot(order.id));
            }
        }
    }
}
