package org.carbonsink.trading.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carbonsink.trading.matching.OrderType;
import org.carbonsink.trading.matching.Side;
import org.carbonsink.trading.matching.TimeInForce;
import org.junit.jupiter.api.Test;

class LiveOrdersTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Test
    void findsWhatAPairOfHashMapsWouldThroughLongRunsOfAddsAndRemoves() {
        Random random = new Random(20261202);
        LiveOrders orders = new LiveOrders();
        Map<Long, LiveOrder> byEngineId = new HashMap<>();
        Map<UUID, LiveOrder> byId = new HashMap<>();
        List<LiveOrder> held = new ArrayList<>();
        long engineId = 0;
        for (int step = 0; step < 200_000; step++) {
            // grows to a few thousand orders, then churns around that size, as a busy book does
            if (held.isEmpty() || random.nextInt(100) < (held.size() < 3_000 ? 70 : 50)) {
                LiveOrder order = order(++engineId);
                orders.put(order);
                byEngineId.put(order.engineId, order);
                byId.put(order.id, order);
                held.add(order);
            } else {
                LiveOrder order = held.remove(random.nextInt(held.size()));
                orders.remove(order);
                byEngineId.remove(order.engineId);
                byId.remove(order.id);
            }
            if (step % 10_000 == 0) {
                assertSame(orders, byEngineId, byId, engineId);
            }
        }
        assertSame(orders, byEngineId, byId, engineId);
    }

    @Test
    void anOrderRemovedIsFoundNoMore() {
        LiveOrders orders = new LiveOrders();
        LiveOrder order = order(7);
        orders.put(order);

        assertThat(orders.size()).isEqualTo(1);
        assertThat(orders.all()).containsExactly(order);
        orders.remove(order);
        assertThat(orders.byId(order.id)).isNull();
        assertThat(orders.byEngineId(7)).isNull();
        assertThat(orders.size()).isZero();
    }

    @Test
    void removingAnOrderNotHeldChangesNothing() {
        LiveOrders orders = new LiveOrders();
        LiveOrder held = order(1);
        orders.put(held);

        orders.remove(order(2));

        assertThat(orders.all()).containsExactly(held);
    }

    private static void assertSame(LiveOrders orders, Map<Long, LiveOrder> byEngineId, Map<UUID, LiveOrder> byId,
            long lastEngineId) {
        assertThat(orders.size()).isEqualTo(byEngineId.size());
        assertThat(orders.stream().collect(Collectors.toSet())).isEqualTo(new HashSet<>(byEngineId.values()));
        for (long id = 1; id <= lastEngineId; id++) {
            assertThat(orders.byEngineId(id)).isSameAs(byEngineId.get(id));
        }
        for (LiveOrder order : byId.values()) {
            assertThat(orders.byId(order.id)).isSameAs(order);
            assertThat(orders.holds(order.id)).isTrue();
        }
        assertThat(orders.holds(UUID.randomUUID())).isFalse();
    }

    private static LiveOrder order(long engineId) {
        return new LiveOrder(engineId, UUID.randomUUID(), "P000001-2025", UUID.randomUUID(), 1, Side.BUY,
                OrderType.LIMIT, TimeInForce.GTC, NOW, 1_000, 1, false);
    }
}
