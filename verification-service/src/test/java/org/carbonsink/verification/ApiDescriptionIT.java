package org.carbonsink.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description the gateway and clients read. */
class ApiDescriptionIT extends ServiceIntegration {

    @Test
    void describesEveryEndpoint() {
        JsonNode paths = api().get("/v3/api-docs").expect(200).get("paths");

        List<String> names = new ArrayList<>();
        paths.propertyNames().forEach(names::add);
        assertThat(names).contains("/reports", "/reports/{id}", "/reports/{id}/decision", "/projects/{id}",
                "/species", "/uncertainty-bands", "/parameters", "/reports/{id}/disclosure",
                "/reports/{id}/verification", "/reports/{id}/versions", "/reports/{id}/versions/{version}",
                "/reports/{id}/recomputation", "/reports/{id}/calculation-report",
                "/reports/{id}/calculation-report.pdf");
    }
}
