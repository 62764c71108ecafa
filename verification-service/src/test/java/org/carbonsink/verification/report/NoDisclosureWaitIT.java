package org.carbonsink.verification.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.carbonsink.contracts.ProjectRegistered;
import org.carbonsink.verification.ServiceIntegration;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * A demonstration set-up with {@code carbonsink.verification.disclosure-working-days = 0}: the report is
 * disclosed and concluded on the same day. (The default of 20 is covered by WorkflowIT.)
 */
@TestPropertySource(properties = "carbonsink.verification.disclosure-working-days=0")
class NoDisclosureWaitIT extends ServiceIntegration {

    @Test
    void concludesOnTheDayOfDisclosure() {
        ProjectRegistered project = registered(projectRegistered());
        UUID verifier = verifier();
        String id = underVerification(project, verifier, volumeReport(project, verifier, "2021-01-01", "2025-12-31",
                "5", stand("CHINESE_FIR", "100", "20", "80")));

        JsonNode report = api().get("/reports/" + id).expect(200);
        assertThat(report.get("disclosureOpens").asString()).isEqualTo("2026-01-01");
        assertThat(report.get("disclosureCloses").asString()).isEqualTo("2026-01-01");
        JsonNode approved = api().as(verifier, "VERIFIER").post("/reports/" + id + "/decision",
                Map.of("decision", "APPROVE")).expect(200);
        assertThat(approved.get("status").asString()).isEqualTo("VERIFIED");
        assertThat(approved.get("verifiedCredits").asLong()).isEqualTo(7150);
    }
}
