package org.carbonsink.support.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;

/**
 * A request the service refuses, leaving as an RFC 9457 problem with the stable type
 * {@code urn:carbonsink:problem:<slug>}.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String slug;
    private final String title;
    private final Map<String, Object> properties = new LinkedHashMap<>();

    public ProblemException(HttpStatus status, String slug, String title, String detail) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", what + " not found",
                "no " + what + " with id " + id);
    }

    /** The request is well formed but breaks a rule of the domain (422). */
    public static ProblemException rule(String slug, String title, String detail) {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, slug, title, detail);
    }

    /** The request conflicts with the current state of the resource (409). */
    public static ProblemException conflict(String slug, String title, String detail) {
        return new ProblemException(HttpStatus.CONFLICT, slug, title, detail);
    }

    /** One field of the request is invalid (400); the problem names the field and the rule. */
    public static ProblemException invalidField(String field, String rule, String message) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", field + " " + message)
                .with("errors", java.util.List.of(new FieldProblem(field, rule, message)));
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(HttpStatus.FORBIDDEN, "forbidden", "Not allowed", detail);
    }

    public ProblemException with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public HttpStatus status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public Map<String, Object> properties() {
        return properties;
    }

    /** One invalid field: its path in the request, the rule it breaks, and a message. */
    public record FieldProblem(String field, String rule, String message) {
    }
}
