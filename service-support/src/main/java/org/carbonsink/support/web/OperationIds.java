package org.carbonsink.support.web;

import io.swagger.v3.oas.models.Operation;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;

/**
 * Operation ids and tags in the OpenAPI description that a generated client can live with: the tag is
 * the controller's noun ({@code project}: a client class {@code ProjectApi}); the id is the handler
 * method's name ({@code draft}, {@code retire}), followed by that noun where two controllers use the
 * same name ({@code getProject}, {@code getAccount}). springdoc would number them instead
 * ({@code get_7}), by the order it happens to meet them in. The CSV form of a list shares the JSON
 * form's path and so its operation: it takes the JSON handler's id.
 */
public final class OperationIds implements OperationCustomizer {

    private final Supplier<Map<RequestMappingInfo, HandlerMethod>> handlers;
    private Map<Method, String> ids;

    /** {@code handlers}: the service's request mappings and their handler methods. */
    public OperationIds(Supplier<Map<RequestMappingInfo, HandlerMethod>> handlers) {
        this.handlers = handlers;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        return operation.operationId(ids().getOrDefault(handler.getMethod(), handler.getMethod().getName()))
                .tags(List.of(tag(handler)));
    }

    private synchronized Map<Method, String> ids() {
        if (ids == null) {
            ids = compute(handlers.get());
        }
        return ids;
    }

    private static Map<Method, String> compute(Map<RequestMappingInfo, HandlerMethod> mappings) {
        Map<String, Long> uses = mappings.values().stream().filter(h -> !csv(h))
                .collect(Collectors.groupingBy(h -> h.getMethod().getName(), Collectors.counting()));
        Map<Method, String> ids = new HashMap<>();
        mappings.values().stream().filter(h -> !csv(h)).forEach(h -> ids.put(h.getMethod(),
                uses.get(h.getMethod().getName()) > 1 ? h.getMethod().getName() + noun(h) : h.getMethod().getName()));
        mappings.forEach((mapping, h) -> {
            if (csv(h)) {
                mappings.entrySet().stream()
                        .filter(other -> !csv(other.getValue()) && other.getValue().getBeanType() == h.getBeanType()
                                && other.getKey().getPatternValues().equals(mapping.getPatternValues())
                                // the list it is the CSV form of, never the command on the same path
                                && other.getKey().getMethodsCondition().equals(mapping.getMethodsCondition()))
                        .findFirst()
                        .ifPresent(json -> ids.put(h.getMethod(), ids.get(json.getValue().getMethod())));
            }
        });
        return ids;
    }

    private static boolean csv(HandlerMethod handler) {
        return handler.getMethod().getName().toLowerCase(Locale.ROOT).contains("csv");
    }

    private static String noun(HandlerMethod handler) {
        String controller = handler.getBeanType().getSimpleName();
        return controller.endsWith("Controller") ? controller.substring(0, controller.length() - "Controller".length())
                : controller;
    }

    private static String tag(HandlerMethod handler) {
        String noun = noun(handler);
        return Character.toLowerCase(noun.charAt(0)) + noun.substring(1);
    }
}
