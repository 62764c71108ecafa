package org.carbonsink.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.carbonsink.testsupport.ApiClient;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A probe that cannot reach the management port asks the service port: {@code /readyz} and
 * {@code /livez} answer there without a token, as the health endpoints do on the management port
 * (docs/observability.md).
 */
class HealthProbesIT extends RelayContext {

    @LocalServerPort
    int port;

    @Test
    void readinessAndLivenessAnswerOnTheServicePortWithoutAToken() {
        ApiClient anonymous = new ApiClient("http://127.0.0.1:" + port);

        assertThat(anonymous.get("/readyz").expect(200).get("status").asString()).isEqualTo("UP");
        assertThat(anonymous.get("/livez").expect(200).get("status").asString()).isEqualTo("UP");
    }
}
