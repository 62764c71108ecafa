package org.carbonsink.support.web;

import io.swagger.v3.oas.models.OpenAPI;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The problems the {@link IdempotencyFilter} answers in place of a command (428 without a required key,
 * and those of a key: 400, 409, 413, 422), in the OpenAPI description of each operation it covers, as
 * the filter itself tells them ({@link IdempotencyFilter#refusals}) from its rules.
 */
public final class IdempotencyProblems implements OpenApiCustomizer {

    private final IdempotencyFilter filter;

    public IdempotencyProblems(IdempotencyFilter filter) {
        this.filter = filter;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        ProblemComponents.register(api.getComponents());
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> filter
                .refusals(method.name(), path).forEach(status -> ProblemComponents.answers(operation, status))));
    }
}
