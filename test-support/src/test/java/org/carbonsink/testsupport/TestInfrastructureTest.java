package org.carbonsink.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.function.BooleanSupplier;
import org.carbonsink.testsupport.TestInfrastructure.PostgresSource;
import org.junit.jupiter.api.Test;

class TestInfrastructureTest {

    private static final BooleanSupplier YES = () -> true;
    private static final BooleanSupplier NO = () -> false;
    private static final BooleanSupplier NOT_ASKED = () -> {
        throw new AssertionError("not to be asked once an earlier source is there");
    };

    @Test
    void theEnvironmentComesFirstAndDockerAndTheLocalServerAreNotEvenAsked() {
        assertThat(TestInfrastructure.choosePostgres(null, "jdbc:postgresql://db:5432/postgres", NOT_ASKED, NOT_ASKED))
                .isEqualTo(PostgresSource.ENVIRONMENT);
    }

    @Test
    void dockerComesBeforeTheLocalServer() {
        assertThat(TestInfrastructure.choosePostgres(null, null, YES, NOT_ASKED)).isEqualTo(PostgresSource.TESTCONTAINERS);
    }

    @Test
    void theLocalServerIsTakenWhenItAnswersAndNothingEarlierIsThere() {
        assertThat(TestInfrastructure.choosePostgres(null, " ", NO, YES)).isEqualTo(PostgresSource.LOCAL_SERVER);
    }

    @Test
    void withNothingElseThereTheTestsBringTheirOwnServer() {
        assertThat(TestInfrastructure.choosePostgres(null, null, NO, NO)).isEqualTo(PostgresSource.EMBEDDED);
    }

    @Test
    void embeddedCanBeForcedWhateverElseIsThere() {
        assertThat(TestInfrastructure.choosePostgres("embedded", "jdbc:postgresql://db:5432/postgres", NOT_ASKED,
                NOT_ASKED)).isEqualTo(PostgresSource.EMBEDDED);
        assertThat(TestInfrastructure.choosePostgres("EMBEDDED", null, NOT_ASKED, NOT_ASKED))
                .isEqualTo(PostgresSource.EMBEDDED);
    }

    @Test
    void aPortWhereNoPostgresListensDoesNotAnswer() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        assertThat(TestInfrastructure.answers("jdbc:postgresql://127.0.0.1:" + port + "/postgres", "test", "test"))
                .isFalse();
    }
}
