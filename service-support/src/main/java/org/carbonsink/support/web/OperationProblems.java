package org.carbonsink.support.web;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import java.util.EnumSet;
import java.util.Set;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.http.HttpStatus;
import org.springframework.web.method.HandlerMethod;

/**
 * The problems an operation's handler may answer, in its OpenAPI description: 400 when it reads a body
 * or a parameter that can be invalid (ProblemHandler names the field and the rule), 404 when its path
 * names something by id, and the statuses its {@link Refuses} declares (on the handler or its
 * controller). 401, 403 ({@link OperationSecurity}, told of an {@link AnyCaller}) and the Idempotency-Key's
 * ({@link IdempotencyProblems}) are added from the filters' rules.
 */
public final class OperationProblems implements OperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Refuses onMethod = handler.getMethodAnnotation(Refuses.class);
        Refuses onController = handler.getBeanType().getAnnotation(Refuses.class);
        Set<HttpStatus> statuses = EnumSet.noneOf(HttpStatus.class);
        if (operation.getRequestBody() != null
                || operation.getParameters() != null && operation.getParameters().stream().anyMatch(OperationProblems::mayBeInvalid)) {
            statuses.add(HttpStatus.BAD_REQUEST);
        }
        boolean pathIdsLookedUp = (onMethod == null || onMethod.pathIdsLookedUp())
                && (onController == null || onController.pathIdsLookedUp());
        if (pathIdsLookedUp && operation.getParameters() != null
                && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()))) {
            statuses.add(HttpStatus.NOT_FOUND);
        }
        for (Refuses refuses : new Refuses[] { onController, onMethod }) {
            if (refuses != null) {
                statuses.addAll(Set.of(refuses.value()));
            }
        }
        statuses.forEach(status -> ProblemComponents.answers(operation, status));
        if (handler.hasMethodAnnotation(AnyCaller.class) || handler.getBeanType().isAnnotationPresent(AnyCaller.class)) {
            // OperationSecurity, which runs on the whole description later, sees no handler: it reads this mark
            operation.addExtension(OperationSecurity.ANY_CALLER, true);
        }
        return operation;
    }

    /**
     * A parameter a request can get wrong: a required query or header parameter that may be missing, or a
     * value that must parse (a number, a UUID, a date, one of an enum) or meet a constraint. A free string
     * (a code in the path) cannot be invalid.
     */
    static boolean mayBeInvalid(Parameter parameter) {
        if (!"path".equals(parameter.getIn()) && Boolean.TRUE.equals(parameter.getRequired())) {
            return true;
        }
        Schema<?> schema = parameter.getSchema();
        if (schema == null) {
            return false;
        }
        String type = schema.getType() != null ? schema.getType()
                : schema.getTypes() != null && !schema.getTypes().isEmpty() ? schema.getTypes().iterator().next() : null;
        return schema.get$ref() != null || type != null && !"string".equals(type) || schema.getFormat() != null
                || schema.getPattern() != null || schema.getEnum() != null && !schema.getEnum().isEmpty()
                || schema.getMinLength() != null || schema.getMaxLength() != null;
    }
}
