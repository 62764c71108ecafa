package org.carbonsink.support.web;

import io.swagger.v3.oas.models.OpenAPI;
import java.util.ArrayList;
import org.carbonsink.support.security.SecurityProperties;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.http.HttpStatus;

/**
 * Says in the OpenAPI description what the security filters do, from the same rules
 * ({@link SecurityProperties#needsNoToken}): an operation the public may call has an empty security
 * requirement, so Swagger UI does not ask for a token there; every other operation may answer 401
 * (no valid token) and 403 (a token without the right), both as RFC 9457 problems
 * ({@link org.carbonsink.support.security.ProblemResponses}).
 *
 * <p>403 is listed on every operation that needs a token, not only on those a role rule covers: most
 * handlers check the caller's role or ownership themselves ({@code Caller.requireRole}, "only the owner
 * of project ... may"), which the rules cannot see, so a 403 from there would otherwise go undescribed.
 * A handler that refuses no caller says so ({@link AnyCaller}), and its operation lists no 403 unless a
 * role rule or the administrator paths cover it: a client is not told to handle what cannot happen.
 */
public final class OperationSecurity implements OpenApiCustomizer {

    /** The extension {@link OperationProblems} marks an {@link AnyCaller} handler's operation with; removed here. */
    static final String ANY_CALLER = "x-carbonsink-any-caller";

    private final SecurityProperties rules;

    public OperationSecurity(SecurityProperties rules) {
        this.rules = rules;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getPaths() == null) {
            return;
        }
        ProblemComponents.register(api.getComponents());
        api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
            boolean anyCaller = operation.getExtensions() != null
                    && operation.getExtensions().remove(ANY_CALLER) != null;
            if (operation.getExtensions() != null && operation.getExtensions().isEmpty()) {
                operation.setExtensions(null);
            }
            if (rules.needsNoToken(method.name(), path)) {
                operation.setSecurity(new ArrayList<>());
            } else {
                ProblemComponents.answers(operation, HttpStatus.UNAUTHORIZED);
                if (!anyCaller || rules.needsRole(method.name(), path)) {
                    ProblemComponents.answers(operation, HttpStatus.FORBIDDEN);
                }
            }
        }));
    }
}
