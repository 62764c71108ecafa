package org.carbonsink.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.carbonsink.client.trading.model.TradeView;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TokenClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The operators' view of the running system, on the gateway, the three services and the
 * authorization server in this JVM (real PostgreSQL and Kafka).
 *
 * <p>Tracing: one request at the gateway, followed through the registry, the outbox and Kafka into
 * the verification and trading services; and one trade, from the buy order at the gateway to its
 * settlement. Every span each causes, in every application, carries the one trace id the caller got
 * back in {@code X-Correlation-Id}. The applications export their
 * spans to one in-memory exporter ({@link InMemorySpans}).
 *
 * <p>Metrics: every metric the Grafana dashboard and the Prometheus alerts name is in the
 * Prometheus output of at least one application's management port.
 */
class ObservabilityE2EIT {

    static final AttributeKey<String> SERVICE = AttributeKey.stringKey("service.name");

    static Services services;

    @BeforeAll
    static void startEverything() {
        List<String> arguments = new ArrayList<>(List.of("--spring.main.banner-mode=off",
                "--carbonsink.test.in-memory-spans=true", "--management.opentelemetry.tracing.export.schedule-delay=100ms"));
        // a project's disclosure in seconds and the buyer's own deposit, for the traced trade
        arguments.addAll(Lifecycle.SHORT_WINDOWS);
        services = TestStack.start("observed", arguments);
    }

    @AfterAll
    static void stopEverything() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void aParticipantRegisteredAtTheGatewayIsTracedIntoEveryServiceThatConsumesTheEvent() {
        ApiClient admin = new ApiClient(services.gatewayUrl())
                .withToken(TokenClient.login(services.authUrl(), "admin", "admin-password"));

        var registered = admin.post("/api/registry/participants",
                Map.of("subject", UUID.randomUUID(), "name", "Traced Trader Co.", "role", "TRADER"));

        assertThat(registered.status()).isEqualTo(201);
        String traceId = registered.header("X-Correlation-Id");
        assertThat(traceId).matches("[0-9a-f]{32}");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<SpanData> trace = spans(traceId);
            assertThat(trace).extracting(span -> service(span) + " " + span.getKind())
                    .contains("gateway SERVER", "registry-service SERVER", "registry-service PRODUCER",
                            "verification-service CONSUMER", "trading-service CONSUMER");
            // one tree, not pieces sharing an id: every span but the gateway's first has its parent in it
            List<String> spanIds = trace.stream().map(SpanData::getSpanId).toList();
            assertThat(trace).filteredOn(span -> !(service(span).equals("gateway") && span.getKind() == SpanKind.SERVER))
                    .allSatisfy(span -> assertThat(spanIds).contains(span.getParentSpanId()));
        });
        printTrace(spans(traceId));
    }

    /**
     * One trade, one trace: the buyer's order at the gateway, the trading service's request, the book
     * writer's commit (its TradeExecuted continues the order's trace, though the writer committed it on
     * its own thread), the Kafka hop to the registry, the registry's delivery, the CreditsDelivered hop
     * back and the trading service's settlement all carry the trace id the buyer got back.
     */
    @Test
    void aTradeIsTracedFromTheBuyOrderAtTheGatewayToItsSettlement() {
        Lifecycle lifecycle = new Lifecycle(new ApiClient(services.gatewayUrl()), services.authUrl(), line -> { });
        Lifecycle.Cast cast = lifecycle.registerParticipants();
        Lifecycle.Listed listed = lifecycle.listCredits(cast);
        lifecycle.deposit(cast.buyer(), "100000.00");
        UUID sellId = lifecycle.placeOrder(cast.owner(), listed.instrumentId(), "SELL", 100, "85.50").getId();
        lifecycle.awaitOrder(cast.owner(), sellId, "OPEN");

        var buy = lifecycle.as(cast.buyer()).post("/api/trading/orders", Map.of("instrumentId", listed.instrumentId(),
                "side", "BUY", "quantity", 100, "limitPrice", new BigDecimal("90.00")));

        assertThat(buy.status()).isEqualTo(201);
        assertThat(buy.json().get("status").asString()).isEqualTo("FILLED");
        String traceId = buy.header("X-Correlation-Id");
        assertThat(traceId).matches("[0-9a-f]{32}");
        assertThat(lifecycle.awaitSettledTrade(listed.instrumentId()).getStatus())
                .isEqualTo(TradeView.StatusEnum.SETTLED);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<SpanData> trace = spans(traceId);
            assertHop(trace, "gateway", SpanKind.SERVER, "http post");
            assertHop(trace, "trading-service", SpanKind.SERVER, "/orders");
            assertHop(trace, "trading-service", SpanKind.PRODUCER, Topics.TRADING_TRADES);
            assertHop(trace, "registry-service", SpanKind.CONSUMER, Topics.TRADING_TRADES);
            assertHop(trace, "registry-service", SpanKind.PRODUCER, Topics.REGISTRY_HOLDS);
            assertHop(trace, "trading-service", SpanKind.CONSUMER, Topics.REGISTRY_HOLDS);
            List<String> spanIds = trace.stream().map(SpanData::getSpanId).toList();
            assertThat(trace).filteredOn(span -> !(service(span).equals("gateway") && span.getKind() == SpanKind.SERVER))
                    .allSatisfy(span -> assertThat(spanIds).contains(span.getParentSpanId()));
        });
        printTrace(spans(traceId));
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsNameIsScrapedFromAService() throws Exception {
        Set<String> named = new TreeSet<>();
        MonitoringFiles.dashboardExpressions().forEach(e -> named.addAll(MonitoringFiles.metricNames(e)));
        MonitoringFiles.alertExpressions().values().forEach(e -> named.addAll(MonitoringFiles.metricNames(e)));
        named.removeAll(MonitoringFiles.SYNTHETIC);

        // the consumers' lag appears once they have fetched; the relays and listeners run from the start
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            Set<String> scraped = scrapedMetricNames();
            assertThat(named).allSatisfy(name -> assertThat(scraped).as("scraped metrics").contains(name));
        });
    }

    @Test
    void metricsAreOnTheManagementPortsOnly() {
        services.managementUrls().forEach((name, url) -> {
            assertThat(scrape(url)).as(name).contains("# TYPE");
            assertThat(new ApiClient(url).get("/health/readiness").expect(200).toString()).as(name).contains("UP");
        });
        for (String service : LocalStack.SERVICES) {
            assertThat(new ApiClient(services.urls().get(service)).get("/actuator/prometheus").status())
                    .as(service).isIn(401, 404);
        }
        assertThat(new ApiClient(services.gatewayUrl()).get("/readyz").status()).isEqualTo(200);
    }

    private static Set<String> scrapedMetricNames() {
        Set<String> names = new TreeSet<>();
        services.managementUrls().values().forEach(url -> {
            String body = scrape(url);
            for (String line : body.split("\n")) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    names.add(line.split("[{ ]", 2)[0]);
                }
            }
        });
        return names;
    }

    /** As Prometheus asks: the text format. */
    private static String scrape(String managementUrl) {
        var response = new ApiClient(managementUrl).withHeader("Accept", "text/plain").get("/prometheus");
        assertThat(response.status()).as(managementUrl).isEqualTo(200);
        return response.body();
    }

    private static List<SpanData> spans(String traceId) {
        return new ArrayList<>(InMemorySpans.EXPORTER.getFinishedSpanItems().stream()
                .filter(span -> span.getTraceId().equals(traceId))
                .sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList());
    }

    /** The trace has a span of {@code service}, of {@code kind}, whose name contains {@code name}. */
    private static void assertHop(List<SpanData> trace, String service, SpanKind kind, String name) {
        assertThat(trace).as("%s %s span named ...%s...", service, kind, name).anyMatch(span -> service(span)
                .equals(service) && span.getKind() == kind && span.getName().contains(name));
    }

    private static String service(SpanData span) {
        return span.getResource().getAttribute(SERVICE);
    }

    /** The trace as docs/observability.md shows it. */
    private static void printTrace(List<SpanData> trace) {
        long start = trace.get(0).getStartEpochNanos();
        System.out.println("trace " + trace.get(0).getTraceId());
        for (SpanData span : trace) {
            System.out.printf("  +%4d ms %6.1f ms  %-21s %-8s %-45s span %s parent %s%n",
                    (span.getStartEpochNanos() - start) / 1_000_000,
                    (span.getEndEpochNanos() - span.getStartEpochNanos()) / 1e6, service(span), span.getKind(),
                    span.getName(), span.getSpanId(), span.getParentSpanId());
        }
    }
}
