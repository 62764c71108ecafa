package org.carbonsink.gateway;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bearer token that cannot be checked because the authorization server's key set is out of reach: the
 * token may well be valid, so the answer is 503 with {@code Retry-After} and an RFC 9457 problem, not a
 * 401 (which would tell the client to log in again) and not Spring Security's 500 (it rethrows an
 * {@link AuthenticationServiceException} unless a failure handler takes it). Any other failed token is
 * the entry point's 401.
 */
final class KeySetUnavailable extends JwtException {

    static final String TYPE = "urn:carbonsink:problem:key-set-unavailable";
    /** The key set is fetched again at most this often after a failure (Nimbus's rate limit is 30 s). */
    static final String RETRY_AFTER_SECONDS = "30";

    KeySetUnavailable(Throwable cause) {
        super("the authorization server's key set cannot be reached to check the token", cause);
    }

    static ServerAuthenticationFailureHandler failureHandler(ServerAuthenticationEntryPoint unauthenticated,
            JsonMapper json) {
        return (WebFilterExchange exchange, AuthenticationException e) -> e instanceof AuthenticationServiceException
                ? write(exchange, json)
                : unauthenticated.commence(exchange.getExchange(), e);
    }

    private static Mono<Void> write(WebFilterExchange exchange, JsonMapper json) {
        ServerHttpResponse response = exchange.getExchange().getResponse();
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE);
        problem.put("title", "Token cannot be checked now");
        problem.put("status", HttpStatus.SERVICE_UNAVAILABLE.value());
        problem.put("detail", "the authorization server's key set cannot be reached to check the bearer token;"
                + " the token was not refused: retry after " + RETRY_AFTER_SECONDS + " s");
        problem.put("instance", exchange.getExchange().getRequest().getPath().value());
        byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        response.setStatusCode(HttpStatus.SERVICE_UNAVAILABLE);
        response.getHeaders().set(RetryAfter.HEADER, RETRY_AFTER_SECONDS);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }
}
