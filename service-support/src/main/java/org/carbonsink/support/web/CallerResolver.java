package org.carbonsink.support.web;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.carbonsink.support.security.TokenRoles;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/** Resolves a {@link Caller} controller parameter from the validated bearer token. */
public class CallerResolver implements HandlerMethodArgumentResolver {

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType() == Caller.class;
    }

    @Override
    public Caller resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
            WebDataBinderFactory binderFactory) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            throw new ProblemException(HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    "this request needs a bearer token");
        }
        return callerOf(token);
    }

    /**
     * The participant calling the current request if it sent a valid bearer token, for public endpoints
     * that show more to some callers; empty for an anonymous request or a token that names no participant.
     */
    public static Optional<Caller> current() {
        if (!(SecurityContextHolder.getContext().getAuthentication() instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        try {
            return Optional.of(callerOf(token));
        } catch (ProblemException notAParticipant) {
            return Optional.empty();
        }
    }

    private static Caller callerOf(JwtAuthenticationToken token) {
        UUID participant;
        try {
            participant = UUID.fromString(token.getToken().getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.forbidden("the token's subject is not a participant id");
        }
        List<String> roles = TokenRoles.of(token.getToken());
        Set<String> granted = roles == null ? Set.of() : new HashSet<>(roles);
        return new Caller(participant, granted);
    }
}
