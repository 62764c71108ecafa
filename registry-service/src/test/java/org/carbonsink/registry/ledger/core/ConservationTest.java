package org.carbonsink.registry.ledger.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConservationTest {

    static final UUID ISSUANCE = UUID.randomUUID();
    static final UUID A = new UUID(0, 1);
    static final Map<UUID, Conservation.Issued> ISSUED = Map.of(ISSUANCE, new Conservation.Issued(1, 100));

    static SerialBlock block(long first, long last, Placement where) {
        return new SerialBlock(0, ISSUANCE, UUID.randomUUID(), "P000001", 2025, first, last, where);
    }

    @Test
    void blocksThatCoverTheIssuanceExactlyAreSound() {
        assertThat(Conservation.violations(List.of(block(1, 40, Placement.available(A)),
                block(41, 100, Placement.retired(A, UUID.randomUUID()))), ISSUED)).isEmpty();
    }

    @Test
    void namesLostCreditsOverlapsAndBlocksThatShouldBeOne() {
        assertThat(Conservation.violations(List.of(block(1, 40, Placement.available(A))), ISSUED))
                .containsExactly("conservation: issuance " + ISSUANCE + " issued 100 but its blocks cover 40");
        assertThat(Conservation.violations(List.of(block(1, 60, Placement.available(A)),
                block(50, 100, Placement.held(A, UUID.randomUUID()))), ISSUED))
                .anyMatch(v -> v.startsWith("overlap:"));
        assertThat(Conservation.violations(List.of(block(1, 60, Placement.available(A)),
                block(61, 100, Placement.available(A))), ISSUED))
                .containsExactly("not merged: CSR-P000001-2025-000000001-000000060 and CSR-P000001-2025-000000061-000000100");
        assertThat(Conservation.violations(List.of(block(1, 100, Placement.available(A)),
                block(101, 101, Placement.available(A))), ISSUED)).anyMatch(v -> v.startsWith("outside its issuance"));
    }
}
