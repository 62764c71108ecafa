package org.carbonsink.auth;

import java.util.List;
import org.carbonsink.auth.Participants.Participant;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

/**
 * The claims the resource servers rely on (docs/identity.md): {@code sub} is the participant id,
 * {@code roles} its one role, {@code preferred_username} the login name or client id, and every
 * access token is for the whole API ({@code aud} {@value #AUDIENCE}).
 */
@Component
public class AccessTokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    public static final String AUDIENCE = "carbonsink-api";

    private final Participants participants;

    public AccessTokenClaims(Participants participants) {
        this.participants = participants;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (!OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            return;
        }
        Participant participant = participant(context);
        context.getClaims()
                .subject(participant.subject().toString())
                .audience(List.of(AUDIENCE))
                .claim("roles", List.of(participant.role().name()))
                .claim("preferred_username", participant.name());
    }

    // a machine is its client; a person (code or refresh grant) is the principal who logged in
    private Participant participant(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            String clientId = context.getRegisteredClient().getClientId();
            return participants.client(clientId)
                    .orElseThrow(() -> new IllegalStateException("No participant configured for client " + clientId));
        }
        String username = context.getPrincipal().getName();
        return participants.user(username)
                .orElseThrow(() -> new IllegalStateException("No participant configured for user " + username));
    }
}
