package org.carbonsink.trading.auction;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AllocationTest {

    @Test
    void fillsBidsInPriorityOrderAndTheLastWinnerInPart() {
        // bids already in priority order: 12.00, then 11.00 (earlier), 11.00 (later), 10.50
        List<Bid> bids = List.of(bid(40, "12.00"), bid(50, "11.00"), bid(30, "11.00"), bid(20, "10.50"));

        assertThat(Allocation.of(100, bids)).containsExactly(40L, 50L, 10L, 0L);
    }

    @Test
    void leavesWhatNoBidTakes() {
        List<Long> allocation = Allocation.of(100, List.of(bid(30, "10.00"), bid(40, "10.00")));

        assertThat(allocation).containsExactly(30L, 40L);
        assertThat(allocation.stream().mapToLong(Long::longValue).sum()).isEqualTo(70);
    }

    @Test
    void allocatesNothingWithoutBidsAndNeverMoreThanOffered() {
        assertThat(Allocation.of(100, List.of())).isEmpty();
        assertThat(Allocation.of(5, List.of(bid(5, "1.00"), bid(1, "1.00")))).containsExactly(5L, 0L);
    }

    private static Bid bid(long quantity, String price) {
        BigDecimal p = new BigDecimal(price);
        return new Bid(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), quantity, p,
                p.multiply(BigDecimal.valueOf(quantity)), BidStatus.OPEN, 0, null, Instant.EPOCH);
    }
}
