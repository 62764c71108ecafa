package org.carbonsink.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.carbonsink.testsupport.PostgresServer;
import org.carbonsink.testsupport.TestInfrastructure;

/** The whole system for a test: fresh databases named after {@code purpose}, the test JVM's broker, random ports. */
final class TestStack {

    private TestStack() {
    }

    static Services start(String purpose, List<String> arguments) {
        PostgresServer postgres = TestInfrastructure.postgres();
        Map<String, Database> databases = new LinkedHashMap<>();
        for (String service : LocalStack.SERVICES) {
            PostgresServer.Database db = postgres.database(purpose + "_" + service);
            databases.put(service, new Database(db.jdbcUrl(), db.username(), db.password()));
        }
        return Services.start(databases, TestInfrastructure.kafkaBootstrapServers(), Services.Ports.random(),
                arguments);
    }
}
