package org.carbonsink.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.testsupport.ApiClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A monitored loss across the services, through the gateway (real PostgreSQL and Kafka, random
 * ports): the verifier verifies a report whose carbon stock fell; the registry records the loss as a
 * reversal on the report's event (buffer credits cancelled, issuance blocked), the report names the
 * reversal, and the next verified report makes the loss good instead of being issued.
 */
class MonitoredLossE2EIT {

    static final Duration EVENTUALLY = Duration.ofSeconds(60);

    static Services services;

    @BeforeAll
    static void startEverything() {
        List<String> arguments = new ArrayList<>(List.of("--spring.main.banner-mode=off"));
        arguments.addAll(Lifecycle.SHORT_WINDOWS);
        services = TestStack.start("monitoredloss", arguments);
    }

    @AfterAll
    static void stopEverything() {
        if (services != null) {
            services.close();
        }
    }

    @Test
    void aVerifiedReportWhoseStockFellBecomesAReversalThatBlocksIssuanceUntilMadeGood() {
        ApiClient gateway = new ApiClient(services.gatewayUrl());
        Lifecycle lifecycle = new Lifecycle(gateway, services.authUrl(), line -> { });
        Lifecycle.Cast cast = lifecycle.registerParticipants();
        // 7,150 credits issued for 2022-2025, 716 of them to the buffer pool
        UUID projectId = lifecycle.listCredits(cast).projectId();

        // 100 ha of Chinese fir losing 1 m³/ha in the first half of 2026: −119.1745 tCO2e, a loss of 120
        String lossReport = verify(lifecycle, cast, projectId, "2026-01-01", "2026-06-30", "80", "79");
        JsonNode verified = gateway.get("/api/verification/reports/" + lossReport).expect(200);
        assertThat(verified.get("status").asString()).isEqualTo("VERIFIED");
        assertThat(verified.get("netRemovals").decimalValue()).isEqualByComparingTo("-119.1745");
        assertThat(verified.get("verifiedCredits").asLong()).isZero();
        assertThat(verified.get("lossCredits").asLong()).isEqualTo(120);

        await().atMost(EVENTUALLY).until(() -> !gateway.get("/api/verification/reports/" + lossReport).expect(200)
                .get("reversalId").isNull());
        JsonNode report = gateway.get("/api/verification/reports/" + lossReport).expect(200);
        String reversalId = report.get("reversalId").asString();
        JsonNode reversal = gateway.get(report.get("reversalUrl").asString()).expect(200);
        assertThat(reversal.get("reportId").asString()).isEqualTo(lossReport);
        assertThat(reversal.get("lossCredits").asLong()).isEqualTo(120);
        assertThat(reversal.get("lossDate").asString()).isEqualTo("2026-06-30");
        assertThat(reversal.get("cause").asString()).startsWith("MONITORED_LOSS: monitoring report " + lossReport);
        assertThat(reversal.get("bufferCancelled").asLong()).isEqualTo(120);
        assertThat(reversal.get("issuanceBlocked").asBoolean()).isTrue();
        assertThat(gateway.get("/api/registry/reversals?projectId=" + projectId).expect(200).get("items")
                .findValuesAsString("id")).containsExactly(reversalId);
        assertThat(gateway.get("/api/registry/cancellations?kind=REVERSAL&projectId=" + projectId).expect(200)
                .get("items").findValuesAsString("reversalId")).containsExactly(reversalId);
        assertThat(gateway.get("/api/registry/ledger/supply?projectId=" + projectId).expect(200).get("items")
                .findValues("bufferCancelled").stream().mapToLong(JsonNode::asLong).sum()).isEqualTo(120);

        // regrowth of 2 m³/ha (238 credits) verified while blocked makes the loss of 120 good; the 118
        // beyond it are issued
        String regrowth = verify(lifecycle, cast, projectId, "2026-07-01", "2026-09-30", "79", "81");
        await().atMost(EVENTUALLY).until(() -> !gateway.get("/api/registry/reversals/" + reversalId).expect(200)
                .get("issuanceBlocked").asBoolean());
        assertThat(gateway.get("/api/registry/reversals/" + reversalId).expect(200).get("madeGoodCredits").asLong())
                .isEqualTo(120);
        await().atMost(EVENTUALLY).until(() -> gateway.get("/api/registry/issuances?projectId=" + projectId)
                .expect(200).get("items").findValuesAsString("reportId").contains(regrowth));
        JsonNode issuances = gateway.get("/api/registry/issuances?projectId=" + projectId).expect(200).get("items");
        assertThat(issuances.findValuesAsString("reportId")).doesNotContain(lossReport);
        for (JsonNode issuance : issuances) {
            if (issuance.get("reportId").asString().equals(regrowth)) {
                assertThat(issuance.get("verifiedCredits").asLong()).isEqualTo(118);
                assertThat(issuance.get("ownerQuantity").asLong() + issuance.get("bufferQuantity").asLong())
                        .isEqualTo(118);
            }
        }
        assertThat(gateway.get("/api/registry/ledger/check?projectId=" + projectId).expect(200).get("sound")
                .asBoolean()).isTrue();
    }

    /** Submits, discloses, takes up and approves a report of 100 ha of Chinese fir: answers its id. */
    private static String verify(Lifecycle lifecycle, Lifecycle.Cast cast, UUID projectId, String from, String to,
            String volumeStart, String volumeEnd) {
        ApiClient owner = lifecycle.as(cast.owner());
        ApiClient verifier = lifecycle.as(cast.verifier());
        String id = owner.post("/api/verification/reports", Map.of("projectId", projectId, "periodStart", from,
                "periodEnd", to, "verifierId", cast.verifier(), "relativeUncertaintyPercent", 8,
                "strata", List.of(Map.of("species", "CHINESE_FIR", "areaHectares", 100,
                        "volumeStartPerHectare", volumeStart, "volumeEndPerHectare", volumeEnd))))
                .expect(201).get("id").asString();
        owner.post("/api/verification/reports/" + id + "/disclosure", Map.of()).expect(200);
        verifier.post("/api/verification/reports/" + id + "/verification", Map.of()).expect(200);
        verifier.post("/api/verification/reports/" + id + "/decision", Map.of("decision", "APPROVE",
                "comment", "Plots re-measured")).expect(200);
        return id;
    }
}
