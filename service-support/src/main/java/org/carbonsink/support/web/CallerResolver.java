package org.carbonsink.support.web;

import java.util.UUID;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves a {@link Caller} controller parameter from the placeholder identity header. */
public class CallerResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        String value = request.getHeader(Caller.HEADER);
        if (value == null || value.isBlank()) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated", "Who is asking?",
                    "the request must name its participant in the " + Caller.HEADER + " header");
        }
        try {
            return new Caller(UUID.fromString(value.trim()));
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalidField(Caller.HEADER, "uuid", "must be a participant id (UUID)");
        }
    }
}
