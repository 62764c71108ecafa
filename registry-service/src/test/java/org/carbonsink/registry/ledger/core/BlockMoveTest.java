package org.carbonsink.registry.ledger.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Splitting, merging and conservation of serial blocks, without a database. */
class BlockMoveTest {

    static final UUID ISSUANCE = UUID.randomUUID();
    static final UUID PROJECT = UUID.randomUUID();
    static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    static SerialBlock block(long id, long first, long last, Placement where) {
        return new SerialBlock(id, ISSUANCE, PROJECT, "P000001", 2025, first, last, where);
    }

    @Test
    void takesTheLowestSerialsAndSplitsTheLastBlockTouched() {
        SerialBlock owner = block(1, 1, 900, Placement.available(A));

        BlockMove move = BlockMove.take(List.of(owner), 300, Placement.available(B));

        assertThat(move.removed()).containsExactly(owner);
        assertThat(move.added()).containsExactly(block(0, 1, 300, Placement.available(B)),
                block(0, 301, 900, Placement.available(A)));
        assertThat(move.moved()).containsExactly(new SerialRange("P000001", 2025, 1, 300));
        assertThat(move.quantity()).isEqualTo(300);
    }

    @Test
    void takesAcrossSeveralBlocksLowestFirst() {
        SerialBlock low = block(1, 10, 19, Placement.available(A));
        SerialBlock high = block(2, 40, 59, Placement.available(A));

        BlockMove move = BlockMove.take(List.of(high, low), 15, Placement.available(B));

        assertThat(move.moved()).containsExactly(new SerialRange("P000001", 2025, 10, 19),
                new SerialRange("P000001", 2025, 40, 44));
        assertThat(move.added()).contains(block(0, 45, 59, Placement.available(A)));
    }

    @Test
    void takesExactlyANamedRangeSplittingOnBothSides() {
        SerialBlock owner = block(1, 1, 100, Placement.available(A));

        BlockMove move = BlockMove.takeRange(List.of(owner), 40, 59, Placement.available(B));

        assertThat(move.added()).containsExactly(block(0, 1, 39, Placement.available(A)),
                block(0, 40, 59, Placement.available(B)), block(0, 60, 100, Placement.available(A)));
        assertThat(move.moved()).containsExactly(new SerialRange("P000001", 2025, 40, 59));
    }

    @Test
    void refusesARangeOrAQuantityTheBlocksDoNotHold() {
        SerialBlock owner = block(1, 1, 100, Placement.available(A));

        assertThatThrownBy(() -> BlockMove.takeRange(List.of(owner), 90, 110, Placement.available(B)))
                .isInstanceOfSatisfying(BlockMove.NotEnoughSerials.class, e -> {
                    assertThat(e.held()).isEqualTo(11);
                    assertThat(e.wanted()).isEqualTo(21);
                });
        assertThatThrownBy(() -> BlockMove.take(List.of(owner), 101, Placement.available(B)))
                .isInstanceOf(BlockMove.NotEnoughSerials.class);
    }

    @Test
    void mergesWhatItAddsWithAdjacentBlocksOfTheSamePlacement() {
        SerialBlock mine = block(1, 1, 39, Placement.available(A));
        SerialBlock theirs = block(2, 40, 59, Placement.available(B));
        SerialBlock mineAbove = block(3, 60, 100, Placement.available(A));

        BlockMove move = BlockMove.take(List.of(theirs), 20, Placement.available(A))
                .mergedWith(List.of(mine, mineAbove));

        assertThat(move.removed()).containsExactlyInAnyOrder(theirs, mine, mineAbove);
        assertThat(move.added()).containsExactly(block(0, 1, 100, Placement.available(A)));
    }

    @Test
    void doesNotMergeAcrossHoldsIssuancesOrGaps() {
        UUID hold = UUID.randomUUID();
        SerialBlock held = block(1, 1, 10, Placement.held(A, hold));
        SerialBlock otherIssuance = new SerialBlock(2, UUID.randomUUID(), PROJECT, "P000001", 2025, 21, 30,
                Placement.available(A));
        SerialBlock gap = block(3, 32, 40, Placement.available(A));
        SerialBlock source = block(4, 11, 20, Placement.available(B));

        BlockMove move = BlockMove.take(List.of(source), 10, Placement.available(A))
                .mergedWith(List.of(held, otherIssuance, gap));

        assertThat(move.removed()).containsExactly(source);
        assertThat(move.added()).containsExactly(block(0, 11, 20, Placement.available(A)));
    }

    @Test
    void aNeighbourFoundTwiceIsMergedOnce() {
        SerialBlock source = block(1, 11, 20, Placement.available(A));
        SerialBlock buyers = block(2, 1, 10, Placement.available(B));

        BlockMove move = BlockMove.take(List.of(source), 10, Placement.available(B))
                .mergedWith(List.of(buyers, buyers));

        assertThat(move.added()).containsExactly(block(0, 1, 20, Placement.available(B)));
    }

    @Test
    void retiredAndCancelledSerialsNeverMoveAgain() {
        SerialBlock retired = block(1, 1, 10, Placement.retired(A, UUID.randomUUID()));

        assertThatThrownBy(() -> BlockMove.take(List.of(retired), 1, Placement.available(B)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("never moves again");
    }

    @Test
    void aMoveThatLosesOrDuplicatesSerialsIsRefused() {
        SerialBlock owner = block(1, 1, 10, Placement.available(A));

        assertThatThrownBy(() -> new BlockMove(List.of(owner), List.of(block(0, 1, 9, Placement.available(B))),
                List.of())).isInstanceOf(IllegalStateException.class).hasMessageContaining("does not conserve");
        assertThatThrownBy(() -> new BlockMove(List.of(owner), List.of(block(0, 1, 10, Placement.available(B)),
                block(0, 5, 6, Placement.available(A))), List.of())).isInstanceOf(IllegalStateException.class);
    }
}
