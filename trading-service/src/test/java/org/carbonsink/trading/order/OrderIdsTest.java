package org.carbonsink.trading.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * A keyed order's id is what a retry of its request finds it by, so it must follow from the participant, the
 * key and the order's index alone, and stay what it was when the order was placed: the MD5 of
 * {@code order/<participant>/<key>} as a version 8 UUID with the index in its last 10 bits. Orders placed before
 * that form have the name-based UUID of {@code order/<participant>/<key>/<index>}.
 */
class OrderIdsTest {

    private static final UUID PARTICIPANT = UUID.fromString("10000000-0000-0000-0000-000000000004");
    private static final List<String> KEYS = List.of("k", "3f2c6a1e-5b7d-4c1a-9e8f-0a1b2c3d4e5f", "订单-批次/42",
            " spaces and / slashes ");

    private static UUID byName(UUID participant, String key, int index) {
        return UUID.nameUUIDFromBytes(("order/" + participant + "/" + key + "/" + index).getBytes(StandardCharsets.UTF_8));
    }

    /** The expected id, from the MD5 bytes of the request's name, bit by bit as RFC 9562 lays out a version 8 UUID. */
    private static UUID expected(UUID participant, String key, int index) throws Exception {
        byte[] md5 = MessageDigest.getInstance("MD5")
                .digest(("order/" + participant + "/" + key).getBytes(StandardCharsets.UTF_8));
        md5[6] = (byte) (md5[6] & 0x0f | 0x80);
        md5[8] = (byte) (md5[8] & 0x3f | 0x80);
        md5[14] = (byte) (md5[14] & 0xfc | index >> 8);
        md5[15] = (byte) index;
        StringBuilder hex = new StringBuilder();
        for (byte b : md5) {
            hex.append(String.format("%02x", b));
        }
        return UUID.fromString(hex.substring(0, 8) + "-" + hex.substring(8, 12) + "-" + hex.substring(12, 16) + "-"
                + hex.substring(16, 20) + "-" + hex.substring(20));
    }

    @Test
    void keyedOrdersGetTheVersion8IdOfTheirParticipantAndKeyWithTheirIndexInTheLastBits() throws Exception {
        for (String key : KEYS) {
            IntFunction<UUID> ids = PlacingOrder.keyedIds(PARTICIPANT, key);
            for (int index = 0; index <= PlacingOrder.MAX_BATCH; index++) {
                UUID id = ids.apply(index);
                assertThat(id).as(key + " " + index).isEqualTo(expected(PARTICIPANT, key, index));
                assertThat(id.version()).isEqualTo(8);
                assertThat(id.variant()).isEqualTo(2);
            }
            assertThat(PlacingOrder.orderId(PARTICIPANT, key, 7)).isEqualTo(expected(PARTICIPANT, key, 7));
        }
    }

    @Test
    void theOrdersOfOneRequestAreSideBySideAndThoseOfOthersAreNot() {
        Set<Long> requests = new HashSet<>();
        for (String key : KEYS) {
            for (UUID participant : List.of(PARTICIPANT, UUID.fromString("10000000-0000-0000-0000-000000000005"))) {
                IntFunction<UUID> ids = PlacingOrder.keyedIds(participant, key);
                UUID first = ids.apply(0);
                assertThat(ids.apply(PlacingOrder.MAX_BATCH).getMostSignificantBits()).isEqualTo(first.getMostSignificantBits());
                assertThat(ids.apply(PlacingOrder.MAX_BATCH).getLeastSignificantBits() - first.getLeastSignificantBits())
                        .isEqualTo(PlacingOrder.MAX_BATCH);
                assertThat(requests.add(first.getMostSignificantBits())).as(participant + " " + key).isTrue();
            }
        }
    }

    @Test
    void aRequestNumbersAtMost1024Orders() {
        IntFunction<UUID> ids = PlacingOrder.keyedIds(PARTICIPANT, "k");
        assertThat(ids.apply(1023).getLeastSignificantBits() & 0x3ff).isEqualTo(1023);
        assertThatThrownBy(() -> ids.apply(1024)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ids.apply(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void legacyKeyedIdsAreTheNameBasedIdsOfTheirParticipantKeyAndIndex() {
        for (String key : KEYS) {
            IntFunction<UUID> ids = PlacingOrder.legacyKeyedIds(PARTICIPANT, key);
            for (int index = 0; index <= PlacingOrder.MAX_BATCH; index++) {
                assertThat(ids.apply(index)).as(key + " " + index).isEqualTo(byName(PARTICIPANT, key, index));
            }
        }
    }

    @Test
    void ordersWithoutAKeyGetFreshIds() {
        assertThat(PlacingOrder.orderId(PARTICIPANT, null, 0)).isNotEqualTo(PlacingOrder.orderId(PARTICIPANT, null, 0));
    }
}
