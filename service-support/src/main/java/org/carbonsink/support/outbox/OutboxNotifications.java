package org.carbonsink.support.outbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Listens on {@link Outbox#CHANNEL} with a connection of its own and wakes the relay of this
 * instance when any instance on the same database commits an event. Without it, the relay of the
 * instance that holds the relay lock would learn of other instances' events only at its fallback
 * poll. Reconnects after the database has been away, and wakes the relay then too, as
 * notifications sent meanwhile are lost.
 */
public class OutboxNotifications implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxNotifications.class);
    private static final int WAIT_MILLIS = 500;

    private final DataSource dataSource;
    private final OutboxRelay relay;
    private final Duration maxReconnectInterval;
    private volatile boolean running;
    private Thread listener;

    public OutboxNotifications(DataSource dataSource, OutboxRelay relay, Duration maxReconnectInterval) {
        this.dataSource = dataSource;
        this.relay = relay;
        this.maxReconnectInterval = maxReconnectInterval;
    }

    @Override
    public void start() {
        running = true;
        listener = new Thread(this::listen, "outbox-listen");
        listener.setDaemon(true);
        listener.start();
    }

    @Override
    public void stop() {
        running = false;
        try {
            listener.join(WAIT_MILLIS * 4L);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The connection goes back to the pool: it must not collect notifications nobody reads. */
    private static void unlisten(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("unlisten *");
        } catch (SQLException e) {
            log.debug("unlisten failed on a connection that is likely broken: {}", e.toString());
        }
    }

    /**
     * Whether any of the notifications comes from a commit that did not wake the relay itself: one of
     * this instance's commits has woken it after commit already, and a second pass would find nothing
     * but take a transaction and a core on the way of the next event.
     */
    static boolean fromOthers(PGNotification[] notifications, String relayId) {
        if (notifications == null) {
            return false;
        }
        for (PGNotification notification : notifications) {
            if (!relayId.equals(notification.getParameter())) {
                return true;
            }
        }
        return false;
    }

    private void listen() {
        long backOff = 100;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("listen " + Outbox.CHANNEL);
                }
                backOff = 100;
                relay.wakeUp();
                try {
                    PGConnection pg = connection.unwrap(PGConnection.class);
                    while (running) {
                        if (fromOthers(pg.getNotifications(WAIT_MILLIS), relay.id())) {
                            relay.wakeUp();
                        }
                    }
                } finally {
                    unlisten(connection);
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                log.warn("outbox notifications lost ({}); listening again in {} ms", e.toString(), backOff);
                try {
                    Thread.sleep(backOff);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backOff = Math.min(backOff * 2, maxReconnectInterval.toMillis());
            }
        }
    }
}
