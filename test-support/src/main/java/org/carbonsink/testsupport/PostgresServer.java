package org.carbonsink.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL server on which the test JVM may create databases. Each {@link #database(String)}
 * purpose gets a fresh database, created once per JVM and dropped when the JVM exits.
 *
 * <p>Databases are named {@code it_<purpose>_<epoch seconds>_<random>}; a JVM that was killed skips
 * its shutdown hook, so databases of this prefix older than {@link #ABANDONED_AFTER} are swept.
 */
public final class PostgresServer {

    static final Duration ABANDONED_AFTER = Duration.ofHours(3);
    static final Duration DROP_PATIENCE = Duration.ofSeconds(20);
    private static final Logger log = LoggerFactory.getLogger(PostgresServer.class);

    private final String adminUrl;
    private final String username;
    private final String password;
    private final String source;
    private final Map<String, Database> databases = new ConcurrentHashMap<>();

    PostgresServer(String adminUrl, String username, String password, String source) {
        this.adminUrl = adminUrl;
        this.username = username;
        this.password = password;
        this.source = source;
        sweepAbandoned();
        if (!"embedded".equals(source)) {
            // an embedded server goes with its temporary data directory at exit
            Runtime.getRuntime().addShutdownHook(new Thread(this::dropAll, "drop-test-databases"));
        }
    }

    /** Where this server came from: environment, Testcontainers or the local server. */
    public String source() {
        return source;
    }

    /** The fresh database of this purpose for this JVM, created on first use. */
    public Database database(String purpose) {
        return databases.computeIfAbsent(purpose, this::create);
    }

    /**
     * Makes the database refuse new connections and ends the ones it has, as an outage of that
     * database would; {@link #allowConnections(Database)} ends the outage. Only for a database of
     * this JVM: the role that created it owns it, and may end its own sessions.
     */
    public void refuseConnections(Database db) {
        execute("alter database " + db.name() + " allow_connections false");
        execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + db.name() + "'");
    }

    public void allowConnections(Database db) {
        execute("alter database " + db.name() + " allow_connections true");
    }

    private Database create(String purpose) {
        String name = "it_" + purpose.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "") + "_"
                + Instant.now().getEpochSecond() + "_" + Integer.toHexString(ThreadLocalRandom.current().nextInt(1 << 24));
        execute("create database " + name);
        String url = adminUrl.substring(0, adminUrl.lastIndexOf('/') + 1) + name;
        log.info("test database {} on {} ({})", name, url, source);
        return new Database(name, url, username, password);
    }

    /**
     * Drops this JVM's databases once nothing uses them. The Spring contexts close in shutdown hooks of
     * their own, at the same time as this one: a forced drop cut their connections while they closed, and
     * each closing step that then asked its pool for a connection (a book writer's last batch, a listener,
     * the outbox relay) waited out the pool's 30 s timeout, so the JVM outlived Surefire's 30 s limit for
     * an exit. A database still in use after {@link #DROP_PATIENCE} is left to the sweep of a later run.
     */
    void dropAll() {
        List<String> left = new ArrayList<>(databases.values().stream().map(Database::name).toList());
        Instant deadline = Instant.now().plus(DROP_PATIENCE);
        left.removeIf(this::droppedIfUnused);
        while (!left.isEmpty() && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            left.removeIf(this::droppedIfUnused);
        }
    }

    boolean exists(String name) {
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            return rs.next();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean droppedIfUnused(String name) {
        try {
            execute("drop database if exists " + name);
            return true;
        } catch (RuntimeException inUse) {
            return false;
        }
    }

    private void sweepAbandoned() {
        long cutoff = Instant.now().minus(ABANDONED_AFTER).getEpochSecond();
        List<String> abandoned = new ArrayList<>();
        try (Connection c = connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select datname from pg_database where datname like 'it\\_%'")) {
            while (rs.next()) {
                String name = rs.getString(1);
                String[] parts = name.split("_");
                if (parts.length >= 4 && parts[parts.length - 2].matches("\\d+")
                        && Long.parseLong(parts[parts.length - 2]) < cutoff) {
                    abandoned.add(name);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach PostgreSQL at " + adminUrl + " as " + username
                    + " (" + source + "): " + e.getMessage(), e);
        }
        abandoned.forEach(this::drop);
    }

    private void drop(String name) {
        try {
            execute("drop database if exists " + name + " with (force)");
        } catch (RuntimeException e) {
            log.warn("could not drop test database {}: {}", name, e.getMessage());
        }
    }

    private void execute(String sql) {
        try (Connection c = connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " failed on " + adminUrl + ": " + e.getMessage(), e);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(adminUrl, username, password);
    }

    /** A database for one purpose of this test JVM. */
    public record Database(String name, String jdbcUrl, String username, String password) {
    }
}
