package org.carbonsink.support.web;

import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.carbonsink.support.web.ProblemException.FieldProblem;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpInputMessage;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.RequestBodyAdviceAdapter;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.DeserializationProblemHandler;

/**
 * A request body with a value its field cannot take (outside an enum, a malformed id, date or number
 * given as text) is read on, so that its 400 names every invalid field and not only the first one
 * Jackson met. While a request body is being read, such a value is noted with its field and read as
 * null; after the read, the noted fields and the body's other constraint violations (its declared ones,
 * checked here whether or not the endpoint asks for it) are refused together: rule {@code one-of} for an
 * enum, {@code type} otherwise, as ProblemHandler names them. A primitive field, and anything read
 * outside a request body (events from Kafka, clients), fails at once as it always did.
 */
@ControllerAdvice
public class BadValuesInBody extends RequestBodyAdviceAdapter {

    private static final ThreadLocal<List<FieldProblem>> READING = new ThreadLocal<>();

    /** Registered on the application's JSON mapper; it acts only while a request body is being read. */
    public static final DeserializationProblemHandler HANDLER = new DeserializationProblemHandler() {
        @Override
        public Object handleWeirdStringValue(DeserializationContext ctxt, Class<?> targetType, String value,
                String failureMsg) {
            return note(ctxt, targetType, value);
        }

        @Override
        public Object handleWeirdNumberValue(DeserializationContext ctxt, Class<?> targetType, Number value,
                String failureMsg) {
            // a number is weird for an enum (no constant at that index); elsewhere the parser refuses it
            return targetType != null && targetType.isEnum() ? note(ctxt, targetType, value)
                    : DeserializationProblemHandler.NOT_HANDLED;
        }
    };

    private final Validator validator;

    public BadValuesInBody(Validator validator) {
        this.validator = validator;
    }

    @Override
    public boolean supports(MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public HttpInputMessage beforeBodyRead(HttpInputMessage message, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        READING.set(new ArrayList<>());
        return message;
    }

    @Override
    public Object afterBodyRead(Object body, HttpInputMessage message, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        List<FieldProblem> noted = take();
        if (noted.isEmpty()) {
            return body;
        }
        List<FieldProblem> errors = new ArrayList<>(noted);
        if (body != null) {
            // answered 400 anyway: the body's declared constraints are checked here even where its endpoint
            // checks them by hand (the order endpoints do, for speed)
            Set<String> fields = noted.stream().map(FieldProblem::field).collect(Collectors.toSet());
            validator.validate(body).stream()
                    .filter(violation -> !fields.contains(violation.getPropertyPath().toString()))
                    .map(BadValuesInBody::problem)
                    .sorted(Comparator.comparing(FieldProblem::field).thenComparing(FieldProblem::rule))
                    .forEach(errors::add);
        }
        String detail = errors.stream().map(f -> f.field() + " " + f.message()).collect(Collectors.joining("; "));
        throw new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail)
                .with("errors", List.copyOf(errors));
    }

    @Override
    public Object handleEmptyBody(Object body, HttpInputMessage message, MethodParameter parameter, Type targetType,
            Class<? extends HttpMessageConverter<?>> converterType) {
        take();
        return body;
    }

    /** The enum values noted while the current request's body was read (none outside a read); forgets them. */
    static List<FieldProblem> take() {
        List<FieldProblem> noted = READING.get();
        READING.remove();
        return noted == null ? List.of() : noted;
    }

    private static Object note(DeserializationContext ctxt, Class<?> targetType, Object value) {
        List<FieldProblem> noted = READING.get();
        if (noted == null || targetType == null || targetType.isPrimitive()) {
            return DeserializationProblemHandler.NOT_HANDLED;
        }
        String field = path(ctxt.getParser().streamReadContext());
        noted.add(targetType.isEnum()
                ? new FieldProblem(field, "one-of", "must be one of " + Arrays.toString(targetType.getEnumConstants()))
                : new FieldProblem(field, "type", ExpectedValues.of(targetType, value)));
        return null;
    }

    /** The field's path as ProblemHandler writes it for an unreadable body: names with dots, [index]. */
    private static String path(TokenStreamContext context) {
        List<String> segments = new ArrayList<>();
        for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
            if (at.inObject() && at.currentName() != null) {
                segments.add(0, at.currentName());
            } else if (at.inArray()) {
                segments.add(0, "[" + Math.max(at.getCurrentIndex(), 0) + "]");
            }
        }
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (!path.isEmpty() && !segment.startsWith("[")) {
                path.append('.');
            }
            path.append(segment);
        }
        return path.toString();
    }

    private static FieldProblem problem(ConstraintViolation<Object> violation) {
        return new FieldProblem(violation.getPropertyPath().toString(),
                violation.getConstraintDescriptor().getAnnotation().annotationType().getSimpleName(),
                violation.getMessage());
    }
}
