package org.carbonsink.support.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;

/**
 * What the {@link IdempotencyFilter} adds to each operation it covers, in its OpenAPI description, as the
 * filter itself tells it ({@link IdempotencyFilter#refusals}) from its rules: the {@code Idempotency-Key}
 * header (required where a rule requires it), and the problems it answers in place of the command (428
 * without a required key, and those of a key: 400, 409, 413, 422). An OpenAPI customizer rather than an
 * operation customizer, because the rules are written against the operation's path.
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
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            Set<HttpStatus> refusals = filter.refusals(method.name(), path);
            if (!refusals.isEmpty()) {
                takesKey(operation, refusals.contains(HttpStatus.PRECONDITION_REQUIRED));
            }
            refusals.forEach(status -> ProblemComponents.answers(operation, status));
        }));
    }

    private static void takesKey(Operation operation, boolean required) {
        if (operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> "header".equals(p.getIn()) && IdempotencyFilter.HEADER.equalsIgnoreCase(p.getName()))) {
            return;
        }
        Parameter key = new HeaderParameter().name(IdempotencyFilter.HEADER).required(required)
                .description((required ? "Required: this command cannot be undone. " : "")
                        + "A key of your own, unique per command: a retry with the same key and request gets the"
                        + " first answer (with Idempotent-Replayed: true) instead of running the command again")
                .schema(new StringSchema().minLength(1).maxLength(255));
        operation.addParametersItem(key);
    }
}
