package org.carbonsink.registry;

import org.carbonsink.testsupport.CommittedApiDescriptions;
import org.junit.jupiter.api.Test;

/** The OpenAPI description the gateway, Swagger UI and the generated client read. */
class ApiDescriptionIT extends RegistryIT {

    @Test
    void isTheDescriptionTheClientIsGeneratedFrom() {
        CommittedApiDescriptions.assertServedIsCommitted("registry", api().get("/v3/api-docs").expect(200).toString());
    }
}
