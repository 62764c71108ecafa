package org.carbonsink.support.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.carbonsink.support.web.Locations;
import org.carbonsink.support.web.ProblemHandler;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/** 401 and 403 from the security filters as RFC 9457 problems, like every other error. */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    /** Sets {@code WWW-Authenticate} as RFC 6750 asks, then writes the problem. */
    public static AuthenticationEntryPoint unauthenticated() {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        return (request, response, e) -> {
            bearer.commence(request, response, e);
            write(request, response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "a valid bearer token is required: " + e.getMessage());
        };
    }

    /**
     * The role rules of the filter chain refuse with Spring Security's bare "Access Denied": the problem
     * says instead which request the caller's roles do not allow.
     */
    public static AccessDeniedHandler forbidden() {
        BearerTokenAccessDeniedHandler bearer = new BearerTokenAccessDeniedHandler();
        return (request, response, e) -> {
            bearer.handle(request, response, e);
            URI called = Locations.instance(request);
            write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Not allowed", "the caller's roles do not allow "
                    + request.getMethod() + " " + (called == null ? request.getRequestURI() : called));
        };
    }

    /** Seconds a client waits before it sends a token again that could not be checked. */
    public static final String KEY_SET_RETRY_AFTER_SECONDS = "30";

    /**
     * How a bearer token that could not be authenticated is answered. An {@link AuthenticationServiceException}
     * is the authorization server's key set out of reach (Spring Security rethrows it, a 500, unless a failure
     * handler takes it): the token may well be valid, so the answer is 503 with {@code Retry-After}, not a
     * 401 that would send the client to log in again. Every other failure is {@link #unauthenticated()}.
     */
    public static AuthenticationFailureHandler bearerTokenFailures() {
        AuthenticationEntryPoint unauthenticated = unauthenticated();
        return (request, response, e) -> {
            if (e instanceof AuthenticationServiceException) {
                response.setHeader(HttpHeaders.RETRY_AFTER, KEY_SET_RETRY_AFTER_SECONDS);
                write(request, response, HttpStatus.SERVICE_UNAVAILABLE, "key-set-unavailable",
                        "Token cannot be checked now", "the authorization server's key set cannot be reached to"
                                + " check the bearer token; the token was not refused: retry after "
                                + KEY_SET_RETRY_AFTER_SECONDS + " s");
            } else {
                unauthenticated.commence(request, response, e);
            }
        };
    }

    /**
     * Writes an RFC 9457 problem body from outside Spring MVC (filters, entry points), with the request's path as
     * the problem's {@code instance} as its client called it (behind the gateway, with the prefix the gateway
     * stripped), as the problems of Spring MVC's handlers have it.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
            String title, String detail) throws IOException {
        URI instance = Locations.instance(request);
        String more = instance == null ? "" : ",\"instance\":\"" + escape(instance.toString()) + "\"";
        write(response, status, slug, title, detail, more);
    }

    /**
     * The same, for a request refused for one of its parts (a header, say): {@code errors} names that field, the
     * rule it breaks and the message, as the problems of invalid request bodies do, and the detail is the field
     * and the message.
     */
    public static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String slug,
            String title, String field, String rule, String message) throws IOException {
        URI instance = Locations.instance(request);
        String more = (instance == null ? "" : ",\"instance\":\"" + escape(instance.toString()) + "\"")
                + ",\"errors\":[{\"field\":\"" + escape(field) + "\",\"rule\":\"" + escape(rule)
                + "\",\"message\":\"" + escape(message) + "\"}]";
        write(response, status, slug, title, field + " " + message, more);
    }

    private static void write(HttpServletResponse response, HttpStatus status, String slug, String title, String detail,
            String more) throws IOException {
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        String body = "{\"type\":\"" + ProblemHandler.TYPE_PREFIX + slug + "\",\"title\":\"" + title
                + "\",\"status\":" + status.value() + ",\"detail\":\"" + escape(detail) + "\"" + more + "}";
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String text) {
        return text == null ? "" : text.replace("\\", "\\\\").replace("\"", "\\\"").replaceAll("[\\r\\n\\t]", " ");
    }
}
