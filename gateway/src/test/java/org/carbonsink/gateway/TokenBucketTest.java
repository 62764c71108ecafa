package org.carbonsink.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    static final long SECOND = TokenBucket.NANOS_PER_SECOND;

    @Test
    void startsFullAndRefusesOnceEmptySayingHowLongToWait() {
        TokenBucket bucket = new TokenBucket(3, 2, 0);

        assertThat(bucket.take(1, 0)).isZero();
        assertThat(bucket.take(2, 0)).isZero();
        assertThat(bucket.take(1, SECOND / 4)).isEqualTo(SECOND / 4);
    }

    @Test
    void earnsTokensAtItsRateKeepingFractionsButNeverMoreThanItHolds() {
        TokenBucket bucket = new TokenBucket(3, 2, 0);
        bucket.take(3, 0);

        assertThat(bucket.take(1, SECOND * 3 / 4)).isZero();
        assertThat(bucket.take(1, SECOND * 3 / 4)).isEqualTo(SECOND / 4);
        assertThat(bucket.take(1, SECOND)).isZero();
        assertThat(bucket.isFull(100 * SECOND)).isTrue();
        assertThat(bucket.take(3, 100 * SECOND)).isZero();
        assertThat(bucket.take(1, 100 * SECOND)).isPositive();
    }

    @Test
    void retryAfterIsWholeSecondsRoundedUpAndAtLeastOne() {
        assertThat(RetryAfter.seconds(1)).isEqualTo("1");
        assertThat(RetryAfter.seconds(SECOND)).isEqualTo("1");
        assertThat(RetryAfter.seconds(SECOND + 1)).isEqualTo("2");
    }
}
