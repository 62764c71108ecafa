package org.carbonsink.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.postgresql.PGNotification;

/** Which PostgreSQL notifications wake the relay: those of commits that did not wake it already. */
class OutboxNotificationsTest {

    private static final String RELAY = "3f1c2a9e-5b7d-4e0a-9c61-2d8f0b4a7e15";

    @Test
    void aCommitOfThisInstanceWokeItsRelayAfterCommitAlreadyAndDoesNotWakeItAgain() {
        assertThat(OutboxNotifications.fromOthers(new PGNotification[] { notification(RELAY) }, RELAY)).isFalse();
        assertThat(OutboxNotifications.fromOthers(new PGNotification[] { notification(RELAY), notification(RELAY) },
                RELAY)).isFalse();
    }

    @Test
    void aCommitOfAnotherInstanceWakesTheRelayEvenAmongItsOwn() {
        assertThat(OutboxNotifications.fromOthers(new PGNotification[] { notification(RELAY),
                notification("9a0e4d6b-1c3f-4b8e-a2d5-7f6c0e1b3a49") }, RELAY)).isTrue();
    }

    @Test
    void aCommitOfAnInstanceThatNamesNoRelayWakesIt() {
        // an instance of an earlier version notifies with an empty payload
        assertThat(OutboxNotifications.fromOthers(new PGNotification[] { notification("") }, RELAY)).isTrue();
    }

    @Test
    void noNotificationWakesNothing() {
        assertThat(OutboxNotifications.fromOthers(null, RELAY)).isFalse();
        assertThat(OutboxNotifications.fromOthers(new PGNotification[0], RELAY)).isFalse();
    }

    private static PGNotification notification(String payload) {
        return new PGNotification() {
            @Override
            public String getName() {
                return Outbox.CHANNEL;
            }

            @Override
            public int getPID() {
                return 4242;
            }

            @Override
            public String getParameter() {
                return payload;
            }
        };
    }
}
