package org.carbonsink.support.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.ArrayList;
import org.carbonsink.support.security.SecurityProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * Says in the OpenAPI description what the security filters do, from the same rules
 * ({@link SecurityProperties#needsNoToken}): an operation the public may call has an empty security
 * requirement, so Swagger UI does not ask for a token there; every other operation may answer 401
 * (no valid token) and 403 (a token without the right), both as RFC 9457 problems
 * ({@link org.carbonsink.support.security.ProblemResponses}).
 */
public final class OperationSecurity implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    static final String UNAUTHENTICATED = "Unauthenticated";
    static final String FORBIDDEN = "Forbidden";

    private final SecurityProperties rules;

    public OperationSecurity(SecurityProperties rules) {
        this.rules = rules;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        api.getComponents()
                .addSchemas(PROBLEM, problem())
                .addResponses(UNAUTHENTICATED, answer("No valid bearer token (none, expired, or not for this API)"))
                .addResponses(FORBIDDEN, answer("The token's holder may not do this"));
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            if (rules.needsNoToken(method.name(), path)) {
                operation.setSecurity(new ArrayList<>());
            } else {
                needsToken(operation);
            }
        }));
    }

    private static void needsToken(Operation operation) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        responses.addApiResponse("401", new ApiResponse().$ref(UNAUTHENTICATED))
                .addApiResponse("403", new ApiResponse().$ref(FORBIDDEN));
        operation.setResponses(responses);
    }

    private static ApiResponse answer(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(
                org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                new MediaType().schema(new Schema<>().$ref(PROBLEM))));
    }

    /** RFC 9457's members, as ProblemHandler and ProblemResponses write them. */
    private static Schema<?> problem() {
        return new ObjectSchema().description("An RFC 9457 problem")
                .addProperty("type", new StringSchema().format("uri").description("identifies the kind of problem"))
                .addProperty("title", new StringSchema().description("a short summary of the kind of problem"))
                .addProperty("status", new IntegerSchema().description("the HTTP status code"))
                .addProperty("detail", new StringSchema().description("what went wrong with this request"))
                .addProperty("instance", new StringSchema().format("uri").description("the request it happened to"));
    }
}
