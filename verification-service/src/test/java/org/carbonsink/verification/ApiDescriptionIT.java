package org.carbonsink.verification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.testsupport.CommittedApiDescriptions;
import org.carbonsink.testsupport.DescribedProblems;
import org.carbonsink.testsupport.TestTokens;
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

    @Test
    void isTheDescriptionTheClientIsGeneratedFrom() {
        CommittedApiDescriptions.assertServedIsCommitted("verification", api().get("/v3/api-docs").expect(200).toString());
    }

    @Test
    void sendsCallersThroughTheGatewayAndNamesTheLogin() {
        JsonNode docs = api().get("/v3/api-docs").expect(200);

        assertThat(docs.get("servers").get(0).get("url").asString()).isEqualTo("/api/verification");
        JsonNode code = docs.get("components").get("securitySchemes").get("oauth2").get("flows").get("authorizationCode");
        assertThat(code.get("authorizationUrl").asString()).isEqualTo(TestTokens.ISSUER + "/oauth2/authorize");
        assertThat(code.get("tokenUrl").asString()).isEqualTo(TestTokens.ISSUER + "/oauth2/token");
        assertThat(docs.get("components").get("securitySchemes").get("bearer").get("scheme").asString())
                .isEqualTo("bearer");
    }

    @Test
    void answers404ForUnknownIdsExactlyWhereTheDescriptionSaysSo() {
        JsonNode api = api().get("/v3/api-docs").expect(200);

        assertThat(DescribedProblems.readsOfUnknownIdsDisagreeing(api,
                api().as(UUID.randomUUID(), "VERIFIER", "PROJECT_OWNER", "REGISTRY_ADMINISTRATOR"))).isEmpty();
    }

    /**
     * Every operation called without a token, by a participant with no role, and by one with every
     * role, on ids that name nothing and with an empty body: each refusal is one the description lists.
     */
    @Test
    void answersNoRefusalItsDescriptionDoesNotList() {
        JsonNode api = api().get("/v3/api-docs").expect(200);

        assertThat(DescribedProblems.answersNotDescribed(api, Map.of("no token", api(),
                "a participant without roles", api().as(UUID.randomUUID()),
                "a participant with every role", api().as(UUID.randomUUID(), "VERIFIER", "PROJECT_OWNER", "REGISTRY_ADMINISTRATOR")))).isEmpty();
    }
}
