package org.carbonsink.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestInfrastructure;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A request's W3C trace continues through the outbox, which sends the event later on another
 * thread, across Kafka into the consumer: the request's, the producer's and the consumer's spans
 * share one trace id, the one the caller sent, and the caller sees it in X-Correlation-Id.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "management.opentelemetry.tracing.export.schedule-delay=50ms")
class TracingIT {

    @TestConfiguration
    static class Spans {
        @Bean
        InMemorySpanExporter spans() {
            return InMemorySpanExporter.create();
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        TestInfrastructure.springProperties("support_tracing").forEach((key, value) -> registry.add(key, () -> value));
    }

    @LocalServerPort
    int port;
    @Autowired
    InMemorySpanExporter spans;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theConsumerOfAnEventWrittenByARequestIsInTheRequestsTrace() {
        String traceId = hex(16);
        ApiClient api = new ApiClient("http://127.0.0.1:" + port).as(UUID.randomUUID())
                .withHeader("traceparent", "00-" + traceId + "-" + hex(8) + "-01");

        var response = api.post("/published-samples", Map.of("name", "traced-" + traceId));

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.header("X-Correlation-Id")).isEqualTo(traceId);
        UUID eventId = UUID.fromString(response.json().get("eventId").asString());
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from sample_effect where event_id = :id").param("id", eventId).query(Long.class)
                .single() == 1);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(inTrace(traceId))
                .extracting(SpanData::getKind)
                .contains(SpanKind.SERVER, SpanKind.PRODUCER, SpanKind.CONSUMER));
        assertThat(inTrace(traceId)).filteredOn(s -> s.getKind() == SpanKind.CONSUMER)
                .extracting(SpanData::getName).allMatch(name -> name.contains(SampleApplication.TOPIC));
        assertThat(jdbc.sql("select correlation_id from outbox_event where event_id = :id").param("id", eventId)
                .query(String.class).single()).isEqualTo(traceId);
    }

    private List<SpanData> inTrace(String traceId) {
        return spans.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        ThreadLocalRandom.current().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
