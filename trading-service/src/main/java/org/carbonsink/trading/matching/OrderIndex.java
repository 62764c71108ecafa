package org.carbonsink.trading.matching;

import java.util.Arrays;

/**
 * Order id → order node, open addressing with linear probing and deletion by backward shift (no
 * tombstones, so probe chains stay short under constant churn). Allocates only when it grows.
 */
final class OrderIndex {

    static final int ABSENT = -1;

    private long[] keys;
    private int[] values;
    private int shift;
    private int size;

    OrderIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1;
        allocate(capacity);
    }

    int get(long key) {
        int mask = values.length - 1;
        for (int i = slot(key); ; i = (i + 1) & mask) {
            int value = values[i];
            if (value == ABSENT || keys[i] == key) {
                return value;
            }
        }
    }

    /** Adds a key that is not in the index. */
    void put(long key, int value) {
        if ((size + 1) * 2 > values.length) {
            grow();
        }
        insert(key, value);
        size++;
    }

    void remove(long key) {
        int mask = values.length - 1;
        int hole = slot(key);
        while (keys[hole] != key || values[hole] == ABSENT) {
            if (values[hole] == ABSENT) {
                return;
            }
            hole = (hole + 1) & mask;
        }
        // pull back every later entry of the run that may live in the hole, so lookups never stop early
        for (int j = (hole + 1) & mask; values[j] != ABSENT; j = (j + 1) & mask) {
            int home = slot(keys[j]);
            boolean homeAfterHole = hole <= j ? home > hole && home <= j : home > hole || home <= j;
            if (!homeAfterHole) {
                keys[hole] = keys[j];
                values[hole] = values[j];
                hole = j;
            }
        }
        values[hole] = ABSENT;
        size--;
    }

    private void insert(long key, int value) {
        int mask = values.length - 1;
        int i = slot(key);
        while (values[i] != ABSENT) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
    }

    private int slot(long key) {
        // Fibonacci hashing: the caller's ids are sequence numbers, which the multiply spreads
        return (int) ((key * 0x9E3779B97F4A7C15L) >>> shift);
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldValues = values;
        allocate(values.length * 2);
        for (int i = 0; i < oldValues.length; i++) {
            if (oldValues[i] != ABSENT) {
                insert(oldKeys[i], oldValues[i]);
            }
        }
    }

    private void allocate(int capacity) {
        keys = new long[capacity];
        values = new int[capacity];
        Arrays.fill(values, ABSENT);
        shift = 64 - Integer.numberOfTrailingZeros(capacity);
    }
}
