package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.carbonsink.testsupport.CommittedApiDescriptions;
import org.carbonsink.testsupport.DescribedProblems;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The OpenAPI description the gateway, Swagger UI and the generated client read. */
class ApiDescriptionIT extends RegistryIT {

    @Test
    void isTheDescriptionTheClientIsGeneratedFrom() {
        CommittedApiDescriptions.assertServedIsCommitted("registry", api().get("/v3/api-docs").expect(200).toString());
    }

    @Test
    void listsTheProblemsOfAPublicReadAndOfACommandThatCannotBeUndone() {
        JsonNode api = api().get("/v3/api-docs").expect(200);

        // public: no 401/403; 400 for an id that is no UUID, 404 for one that names no project
        assertThat(DescribedProblems.statuses(api, "GET", "/projects/{id}")).containsExactlyInAnyOrder("200", "400", "404");
        assertThat(DescribedProblems.statuses(api, "POST", "/accounts/{accountId}/transfers"))
                .containsExactlyInAnyOrder("201", "400", "401", "403", "404", "413", "422", "428", "409");
        assertThat(DescribedProblems.statuses(api, "POST", "/projects/{id}/registration"))
                .contains("409", "422").doesNotContain("428");
    }

    @Test
    void answers404ForUnknownIdsExactlyWhereTheDescriptionSaysSo() {
        JsonNode api = api().get("/v3/api-docs").expect(200);

        assertThat(DescribedProblems.readsOfUnknownIdsDisagreeing(api,
                api().as(ADMINISTRATOR, "REGISTRY_ADMINISTRATOR", "PROJECT_OWNER", "VERIFIER"))).isEmpty();
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
                "a participant with every role", api().as(ADMINISTRATOR, "REGISTRY_ADMINISTRATOR", "PROJECT_OWNER", "VERIFIER", "TRADER")))).isEmpty();
    }
}
