package org.carbonsink.trading;

import org.carbonsink.testsupport.CommittedApiDescriptions;
import org.junit.jupiter.api.Test;

/** The OpenAPI description the gateway, Swagger UI and the generated client read. */
class ApiDescriptionIT extends TradingIntegration {

    @Test
    void isTheDescriptionTheClientIsGeneratedFrom() {
        CommittedApiDescriptions.assertServedIsCommitted("trading", api().get("/v3/api-docs").expect(200).toString());
    }
}
