package org.carbonsink.support.web;

import java.net.URI;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.carbonsink.support.web.ProblemException.FieldProblem;
import org.postgresql.util.PSQLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Every error leaves as an RFC 9457 problem with a stable {@code type}; invalid input is a 400
 * naming each field and the rule it breaks, never a 500.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class ProblemHandler extends ResponseEntityExceptionHandler {

    public static final String TYPE_PREFIX = "urn:carbonsink:problem:";
    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ProblemException.class)
    ResponseEntity<Object> refused(ProblemException e, WebRequest request) {
        ProblemDetail body = problem(e.status(), e.slug(), e.title(), e.getMessage());
        e.properties().forEach(body::setProperty);
        return handleExceptionInternal(e, body, new HttpHeaders(), e.status(), request);
    }

    /**
     * The database enforces the invariants too; a request that reaches one of its constraints
     * conflicts (409), one whose numbers do not fit the columns is invalid (400). The problem
     * names the constraint, never the database's own message.
     */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<Object> constraint(DataIntegrityViolationException e, WebRequest request) {
        log.warn("request stopped by the database: {}", e.getMostSpecificCause().getMessage());
        if (e.getMostSpecificCause() instanceof SQLException sql && sql.getSQLState() != null
                && sql.getSQLState().startsWith("22")) {
            ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "value-out-of-range", "Value out of range",
                    "a value of the request is too large or malformed for the registry to store");
            return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
        }
        String constraint = e.getMostSpecificCause() instanceof PSQLException psql
                && psql.getServerErrorMessage() != null ? psql.getServerErrorMessage().getConstraint() : null;
        ProblemDetail body = problem(HttpStatus.CONFLICT, "constraint-violation", "Conflicting change",
                "the change breaks a rule the database enforces"
                        + (constraint == null ? "" : " (" + constraint + ")"));
        if (constraint != null) {
            body.setProperty("constraint", constraint);
        }
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.CONFLICT, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e, WebRequest request) {
        log.error("unexpected error", e);
        ProblemDetail body = problem(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "the service could not complete the request; the correlation id identifies it in the logs");
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        for (FieldError error : e.getBindingResult().getFieldErrors()) {
            errors.add(new FieldProblem(error.getField(), error.getCode(), error.getDefaultMessage()));
        }
        e.getBindingResult().getGlobalErrors().forEach(error -> errors.add(
                new FieldProblem(error.getObjectName(), error.getCode(), error.getDefaultMessage())));
        return invalid(e, errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> errors = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> result.getResolvableErrors().forEach(error -> {
            String[] codes = error.getCodes();
            String rule = codes == null || codes.length == 0 ? "invalid" : codes[codes.length - 1];
            errors.add(new FieldProblem(result.getMethodParameter().getParameterName(), rule,
                    error.getDefaultMessage()));
        }));
        return invalid(e, errors, request);
    }

    @Override
    protected ResponseEntity<Object> handleTypeMismatch(TypeMismatchException e, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        String field = e.getPropertyName() == null ? "parameter" : e.getPropertyName();
        String message = e.getRequiredType() == null ? "must be a valid value"
                : ExpectedValues.of(e.getRequiredType(), e.getValue());
        String rule = e.getRequiredType() != null && e.getRequiredType().isEnum() ? "one-of" : "type";
        return invalid(e, List.of(new FieldProblem(field, rule, message)), request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldProblem> noted = BadValuesInBody.take();
        JacksonException located = located(e);
        if (located != null) {
            // the enum values read on before this error are as wrong as it is
            List<FieldProblem> errors = new ArrayList<>(noted);
            errors.add(unreadable(located, e.getMostSpecificCause()));
            return invalid(e, errors, request);
        }
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "malformed-body", "Malformed request body",
                "the request body is missing or is not valid JSON");
        return handleExceptionInternal(e, body, headers, HttpStatus.BAD_REQUEST, request);
    }

    @Override
    protected ResponseEntity<Object> handleServletRequestBindingException(ServletRequestBindingException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (e instanceof MissingRequestHeaderException missing) {
            return invalid(e, List.of(new FieldProblem(missing.getHeaderName(), "required", "header is required")),
                    request);
        }
        return super.handleServletRequestBindingException(e, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            WebRequest request) {
        // Spring Framework 7 leaves the type of its own problems (405, 404, 406, 415, ...) null, which
        // serialises as no type at all; every error here has a stable one
        if (body instanceof ProblemDetail detail
                && (detail.getType() == null || "about:blank".equals(detail.getType().toString()))) {
            detail.setType(URI.create(TYPE_PREFIX + slugOf(status)));
        }
        // the request as its client called it: behind the gateway, with the prefix the gateway stripped (as a
        // Location names it); Spring MVC would name the service's own path
        if (body instanceof ProblemDetail detail && detail.getInstance() == null
                && request instanceof ServletWebRequest servlet) {
            detail.setInstance(Locations.instance(servlet.getRequest()));
        }
        return super.createResponseEntity(body, headers, status, request);
    }

    private ResponseEntity<Object> invalid(Exception e, List<FieldProblem> errors, WebRequest request) {
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).reduce((a, b) -> a + "; " + b)
                .orElse("invalid request");
        ProblemDetail body = problem(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
        body.setProperty("errors", errors);
        return handleExceptionInternal(e, body, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    /**
     * The JSON error that says which field it is about. A number out of range for its type is found by
     * the parser, whose error knows no field; the mapper wraps it in one that does.
     */
    private static JacksonException located(HttpMessageNotReadableException e) {
        for (Throwable cause = e.getCause(); cause != null && cause != cause.getCause(); cause = cause.getCause()) {
            if (cause instanceof JacksonException json && !json.getPath().isEmpty()) {
                return json;
            }
        }
        return null;
    }

    /** What was wrong with one field of a body that could not be read, in the caller's terms. */
    private static FieldProblem unreadable(JacksonException located, Throwable cause) {
        String field = path(located);
        if (located instanceof UnrecognizedPropertyException) {
            return new FieldProblem(field, "unknown-field", "is not a field of this request (server-owned or misspelt)");
        }
        if (cause instanceof InputCoercionException outOfRange && outOfRange.getTargetType() != null) {
            // the parser's own error: a number that does not fit its type
            return new FieldProblem(field, "type", ExpectedValues.outOfRange(outOfRange.getTargetType()));
        }
        if (located instanceof InvalidFormatException format && format.getTargetType() != null
                && format.getTargetType().isEnum()) {
            return new FieldProblem(field, "one-of", "must be one of "
                    + java.util.Arrays.toString(format.getTargetType().getEnumConstants()));
        }
        if (located instanceof InvalidFormatException format && format.getTargetType() != null) {
            return new FieldProblem(field, "type", ExpectedValues.of(format.getTargetType(), format.getValue()));
        }
        if (located instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return new FieldProblem(field, "type", ExpectedValues.of(mismatch.getTargetType(), null));
        }
        return new FieldProblem(field, "type", "cannot be read");
    }

    static ProblemDetail problem(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
        body.setType(URI.create(TYPE_PREFIX + slug));
        body.setTitle(title);
        return body;
    }

    private static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference ref : e.getPath()) {
            if (ref.getPropertyName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getPropertyName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String slugOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? String.valueOf(status.value())
                : known.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
