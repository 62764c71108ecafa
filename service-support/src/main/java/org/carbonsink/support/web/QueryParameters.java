package org.carbonsink.support.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.core.DefaultParameterNameDiscoverer;
import org.springframework.core.ParameterNameDiscoverer;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses a read whose query names a parameter the endpoint does not take (400 naming the parameter
 * and the ones it takes). Spring would otherwise ignore it, and a caller filtering a list by a
 * parameter that does not exist would take the whole list for the filtered one. Only the services'
 * own handlers are checked (springdoc's and Actuator's are left alone).
 */
public class QueryParameters implements HandlerInterceptor {

    private static final String OWN_HANDLERS = "org.carbonsink.";

    private final ParameterNameDiscoverer names = new DefaultParameterNameDiscoverer();
    private final Map<Method, Set<String>> taken = new ConcurrentHashMap<>();

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"GET".equals(request.getMethod()) || !(handler instanceof HandlerMethod method)
                || !method.getBeanType().getName().startsWith(OWN_HANDLERS) || request.getQueryString() == null) {
            return true;
        }
        Set<String> known = taken.computeIfAbsent(method.getMethod(), m -> queryParameters(method));
        for (String name : request.getParameterMap().keySet()) {
            if (!known.contains(name)) {
                throw ProblemException.invalidField(name, "unknown-parameter", "is not a parameter of this request"
                        + (known.isEmpty() ? ", which takes none" : "; it takes " + String.join(", ", known)));
            }
        }
        return true;
    }

    private Set<String> queryParameters(HandlerMethod method) {
        Set<String> known = new TreeSet<>();
        Arrays.stream(method.getMethodParameters()).forEach(parameter -> {
            RequestParam param = parameter.getParameterAnnotation(RequestParam.class);
            if (param != null) {
                parameter.initParameterNameDiscovery(names);
                known.add(param.name().isEmpty() ? Objects.requireNonNull(parameter.getParameterName()) : param.name());
            }
        });
        return known;
    }
}
