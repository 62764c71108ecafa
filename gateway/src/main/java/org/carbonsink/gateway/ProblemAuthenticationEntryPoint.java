package org.carbonsink.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.server.BearerTokenServerAuthenticationEntryPoint;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 as the services answer it: {@code WWW-Authenticate} as RFC 6750 asks (set by Spring
 * Security's bearer entry point) and an RFC 9457 problem body.
 */
class ProblemAuthenticationEntryPoint implements ServerAuthenticationEntryPoint {

    static final String TYPE = "urn:carbonsink:problem:unauthenticated";

    private final BearerTokenServerAuthenticationEntryPoint bearer = new BearerTokenServerAuthenticationEntryPoint();
    private final JsonMapper json;

    ProblemAuthenticationEntryPoint(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException e) {
        // The bearer entry point sets status and header, then completes the response: completing
        // it here writes the problem instead of an empty body.
        ServerHttpResponse writingProblem = new ServerHttpResponseDecorator(exchange.getResponse()) {
            @Override
            public Mono<Void> setComplete() {
                return writeProblem(getDelegate(), exchange, e);
            }
        };
        return bearer.commence(exchange.mutate().response(writingProblem).build(), e);
    }

    private Mono<Void> writeProblem(ServerHttpResponse response, ServerWebExchange exchange, AuthenticationException e) {
        HttpStatusCode status = response.getStatusCode() == null ? HttpStatus.UNAUTHORIZED : response.getStatusCode();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE);
        problem.put("title", "Authentication required");
        problem.put("status", status.value());
        problem.put("detail", "a valid bearer token is required: " + e.getMessage());
        problem.put("instance", exchange.getRequest().getPath().value());
        byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
