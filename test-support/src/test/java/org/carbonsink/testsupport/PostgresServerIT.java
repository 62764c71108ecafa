package org.carbonsink.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class PostgresServerIT {

    /**
     * At exit, a database is dropped only once the service closing beside it has let go of it: its
     * connection keeps working meanwhile (a forced drop cut it, and the closing service then waited 30 s
     * for another one).
     */
    @Test
    void dropsADatabaseAtExitOnlyOnceItsConnectionsAreClosed() throws Exception {
        PostgresServer server = TestInfrastructure.postgres();
        PostgresServer.Database db = server.database("drop-" + System.nanoTime());
        try (Connection closing = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            CompletableFuture<Void> exit = CompletableFuture.runAsync(server::dropAll);
            Thread.sleep(1_000);

            assertThat(answers(closing)).as("the connection of a service still closing").isTrue();
            assertThat(exit).isNotDone();
        }
        // the exit goes on once the last connection is closed
        assertThat(exists(server, db)).isFalse();
    }

    private static boolean answers(Connection connection) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
            return rs.next();
        } catch (java.sql.SQLException cut) {
            return false;
        }
    }

    private static boolean exists(PostgresServer server, PostgresServer.Database db) throws Exception {
        for (int i = 0; i < 100; i++) {
            if (!server.exists(db.name())) {
                return false;
            }
            Thread.sleep(100);
        }
        return true;
    }
}
