package org.carbonsink.support.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.List;
import org.carbonsink.support.security.SecurityProperties;
import org.carbonsink.support.security.SecurityProperties.RoleRule;
import org.junit.jupiter.api.Test;
import org.springframework.web.method.HandlerMethod;

class OperationSecurityTest {

    private final SecurityProperties rules = new SecurityProperties("http://issuer", "http://issuer/jwks", "api",
            List.of("/auctions/public"), List.of(), List.of(new RoleRule("GET", "/auctions/ruled", "EXCHANGE_OPERATOR")));

    static class Handlers {

        Object checksItself() {
            return null;
        }

        @AnyCaller
        Object refusesNoOne() {
            return null;
        }
    }

    @Test
    void listsA403OnlyWhereACallerWithATokenCanBeRefused() throws NoSuchMethodException {
        OpenAPI api = new OpenAPI().components(new Components()).paths(new Paths()
                .addPathItem("/auctions/own", new PathItem().get(described("checksItself")))
                .addPathItem("/auctions/mine", new PathItem().get(described("refusesNoOne")))
                .addPathItem("/auctions/ruled", new PathItem().get(described("refusesNoOne")))
                .addPathItem("/auctions/public", new PathItem().get(described("refusesNoOne"))));

        new OperationSecurity(rules).customise(api);

        assertThat(responses(api, "/auctions/own")).containsExactlyInAnyOrder("200", "401", "403");
        assertThat(responses(api, "/auctions/mine")).as("every caller with a token may")
                .containsExactlyInAnyOrder("200", "401");
        assertThat(responses(api, "/auctions/ruled")).as("a role rule refuses before the handler")
                .containsExactlyInAnyOrder("200", "401", "403");
        assertThat(responses(api, "/auctions/public")).containsExactly("200");
        assertThat(api.getPaths().get("/auctions/mine").getGet().getExtensions()).as("the mark is not published")
                .isNullOrEmpty();
    }

    private static Operation described(String handler) throws NoSuchMethodException {
        Operation operation = new Operation().responses(new ApiResponses().addApiResponse("200",
                new io.swagger.v3.oas.models.responses.ApiResponse().description("OK")));
        return new OperationProblems().customize(operation,
                new HandlerMethod(new Handlers(), Handlers.class.getDeclaredMethod(handler)));
    }

    private static List<String> responses(OpenAPI api, String path) {
        return List.copyOf(api.getPaths().get(path).getGet().getResponses().keySet());
    }
}
