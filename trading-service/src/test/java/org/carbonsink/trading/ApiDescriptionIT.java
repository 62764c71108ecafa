package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.carbonsink.testsupport.CommittedApiDescriptions;
import org.carbonsink.testsupport.DescribedProblems;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.MissingNode;

/** The OpenAPI description the gateway, Swagger UI and the generated client read. */
class ApiDescriptionIT extends TradingIntegration {

    @Test
    void isTheDescriptionTheClientIsGeneratedFrom() {
        CommittedApiDescriptions.assertServedIsCommitted("trading", api().get("/v3/api-docs").expect(200).toString());
    }

    @Test
    void listsTheProblemsAnOrderMayBeRefusedWith() {
        JsonNode api = api().get("/v3/api-docs").expect(200);

        // 400 invalid body, 401/403 token, 409 halted instrument, 413 body too large for its key,
        // 422 a rule (cash, band, minimum value) or a reused key, 428 no Idempotency-Key
        assertThat(DescribedProblems.statuses(api, "POST", "/orders"))
                .containsExactlyInAnyOrder("201", "400", "401", "403", "409", "413", "422", "428");
        assertThat(api.at("/paths/~1orders/post/responses/428/$ref").asString())
                .isEqualTo("#/components/responses/IdempotencyKeyRequired");
        assertThat(api.at("/components/responses/IdempotencyKeyRequired/content/application~1problem+json/schema/$ref")
                .asString()).isEqualTo("#/components/schemas/Problem");
    }

    @Test
    void listsA404WherePathIdsAreLookedUpAndA409OnlyWhereADuplicateCanFindTheFirstRunning() {
        JsonNode api = api().get("/v3/api-docs").expect(200);

        assertThat(DescribedProblems.statuses(api, "GET", "/orders/{id}"))
                .containsExactlyInAnyOrder("200", "400", "401", "403", "404");
        // a transactional command: a duplicate waits for the first to commit and gets its answer
        assertThat(DescribedProblems.statuses(api, "POST", "/cash-accounts/{participantId}/deposits"))
                .contains("428", "422", "404").doesNotContain("409");
        // public, no body; an instrumentId that is not listed is 404, as in its path
        assertThat(DescribedProblems.statuses(api, "GET", "/trades")).containsOnly("200", "400", "404");
    }

    /** A 403 is listed where a caller with a token can be refused, not on reads every participant may make. */
    @Test
    void listsA403OnlyWhereACallerWithATokenCanBeRefused() {
        JsonNode api = api().get("/v3/api-docs").expect(200);

        assertThat(DescribedProblems.statuses(api, "GET", "/auctions")).contains("401").doesNotContain("403");
        assertThat(DescribedProblems.statuses(api, "GET", "/auctions/{id}")).contains("401", "404")
                .doesNotContain("403");
        assertThat(DescribedProblems.statuses(api, "GET", "/auctions/{id}/bids")).doesNotContain("403");
        assertThat(DescribedProblems.statuses(api, "GET", "/block-trades")).doesNotContain("403");
        // only its seller and its buyer may read a block trade; only the operator withdraws cash
        assertThat(DescribedProblems.statuses(api, "GET", "/block-trades/{id}")).contains("403");
        assertThat(DescribedProblems.statuses(api, "POST", "/cash-accounts/{participantId}/withdrawals"))
                .contains("403");
    }

    @Test
    void namesTheBlockTradeRuleCommandForWhatItDoes() {
        JsonNode api = api().get("/v3/api-docs").expect(200);

        assertThat(api.at("/paths/~1block-trade-rules~1{instrumentId}/put/operationId").asString()).isEqualTo("setRule");
    }

    @Test
    void answers404ForUnknownIdsExactlyWhereTheDescriptionSaysSo() {
        JsonNode api = api().get("/v3/api-docs").expect(200);

        assertThat(DescribedProblems.readsOfUnknownIdsDisagreeing(api,
                api().as(UUID.randomUUID(), "EXCHANGE_OPERATOR", "TRADER"))).isEmpty();
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
                "a participant with every role", api().as(UUID.randomUUID(), "TRADER", "EXCHANGE_OPERATOR",
                        "REGISTRY_ADMINISTRATOR", "VERIFIER")))).isEmpty();
    }

    @Test
    void documentsTheIdempotencyKeyWhereItIsTakenAndRequiredWhereARuleRequiresIt() {
        JsonNode api = api().get("/v3/api-docs").expect(200);

        assertThat(keyHeader(api, "/orders", "post").path("required").asBoolean()).isTrue();
        assertThat(keyHeader(api, "/cash-accounts/{participantId}/deposits", "post").path("required").asBoolean())
                .isTrue();
        assertThat(keyHeader(api, "/orders/{id}/cancellation", "post").path("required").asBoolean()).isFalse();
        assertThat(keyHeader(api, "/orders/{id}/cancellation", "post").path("schema").path("maxLength").asInt())
                .isEqualTo(255);
        assertThat(keyHeader(api, "/orders", "get").isMissingNode()).as("a read takes no key").isTrue();
    }

    private static JsonNode keyHeader(JsonNode api, String path, String method) {
        for (JsonNode parameter : api.path("paths").path(path).path(method).path("parameters")) {
            if ("header".equals(parameter.path("in").asString())
                    && "Idempotency-Key".equals(parameter.path("name").asString())) {
                return parameter;
            }
        }
        return MissingNode.getInstance();
    }
}
