package org.carbonsink.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The floor the book is compared with in the same run: per operation one order id into and one out of
 * a {@code java.util.HashMap<Long, Long>} of 1,000 entries, the least any book keyed by order id does.
 * The keys are boxed in setup, so the map's own work (and its entry objects) is what is measured.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Threads(1)
@Fork(1)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HashMapFloorBenchmark {

    private static final int KEYS = 1 << 20;
    private static final int ENTRIES = 1_000;

    private final Map<Long, Long> map = new HashMap<>();
    private final Long[] keys = new Long[KEYS];
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        for (int i = 0; i < KEYS; i++) {
            keys[i] = Long.valueOf(1_000_003L * i);
        }
        for (int i = 0; i < ENTRIES; i++) {
            map.put(keys[i], keys[i]);
        }
    }

    @Benchmark
    public Long putOneRemoveOne() {
        Long in = keys[(next + ENTRIES) & (KEYS - 1)];
        map.put(in, in);
        Long out = map.remove(keys[next]);
        next = (next + 1) & (KEYS - 1);
        return out;
    }
}
