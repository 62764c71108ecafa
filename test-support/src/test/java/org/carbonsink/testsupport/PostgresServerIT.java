package org.carbonsink.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
        CompletableFuture<Void> exit;
        try (Connection closing = DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password())) {
            exit = CompletableFuture.runAsync(server::dropAll);
            assertThatThrownBy(() -> exit.get(1, TimeUnit.SECONDS)).as("the exit waits for the closing service")
                    .isInstanceOf(TimeoutException.class);

            assertThat(answers(closing)).as("the connection of a service still closing").isTrue();
            assertThat(exit).isNotDone();
        }
        // the exit goes on once the last connection is closed
        assertThat(exit).succeedsWithin(Duration.ofSeconds(20));
        assertThat(server.exists(db.name())).isFalse();
    }

    private static boolean answers(Connection connection) {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("select 1")) {
            return rs.next();
        } catch (java.sql.SQLException cut) {
            return false;
        }
    }
}
