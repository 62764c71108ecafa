package org.carbonsink.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The fallback server really serves: fresh databases, and the outage switch the retry tests use. */
class EmbeddedPostgresIT {

    @Test
    void theEmbeddedServerGivesFreshDatabasesThatCanBeTakenDownAndBroughtBack() throws SQLException {
        PostgresServer server = TestInfrastructure.embeddedPostgres();
        assertThat(server.source()).isEqualTo("embedded");
        PostgresServer.Database db = server.database("embedded_check");

        try (Connection c = connect(db); Statement s = c.createStatement()) {
            s.execute("create table t (n integer primary key)");
            s.execute("insert into t values (42)");
            try (ResultSet rs = s.executeQuery("select n from t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(42);
            }
        }

        server.refuseConnections(db);
        assertThatThrownBy(() -> connect(db).close()).isInstanceOf(SQLException.class)
                .hasMessageContaining("not currently accepting connections");
        server.allowConnections(db);
        try (Connection c = connect(db)) {
            assertThat(c.isValid(2)).isTrue();
        }
    }

    private static Connection connect(PostgresServer.Database db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }
}
