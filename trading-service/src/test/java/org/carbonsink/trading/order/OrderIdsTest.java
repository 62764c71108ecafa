package org.carbonsink.trading.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A keyed order's id is what a retry of its request finds it by, so it must stay what it was when orders
 * were placed: the name-based UUID of {@code order/<participant>/<key>/<index>}.
 */
class OrderIdsTest {

    private static final UUID PARTICIPANT = UUID.fromString("10000000-0000-0000-0000-000000000004");

    private static UUID byName(UUID participant, String key, int index) {
        return UUID.nameUUIDFromBytes(("order/" + participant + "/" + key + "/" + index).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void keyedOrdersGetTheNameBasedIdOfTheirParticipantKeyAndIndex() {
        for (String key : List.of("k", "3f2c6a1e-5b7d-4c1a-9e8f-0a1b2c3d4e5f", "订单-批次/42", " spaces and / slashes ")) {
            IntFunction<UUID> ids = PlacingOrder.keyedIds(PARTICIPANT, key);
            for (int index = 0; index <= PlacingOrder.MAX_BATCH; index++) {
                assertThat(ids.apply(index)).as(key + " " + index).isEqualTo(byName(PARTICIPANT, key, index));
            }
            assertThat(PlacingOrder.orderId(PARTICIPANT, key, 7)).isEqualTo(byName(PARTICIPANT, key, 7));
        }
    }

    @Test
    void ordersWithoutAKeyGetFreshIds() {
        assertThat(PlacingOrder.orderId(PARTICIPANT, null, 0)).isNotEqualTo(PlacingOrder.orderId(PARTICIPANT, null, 0));
    }
}
