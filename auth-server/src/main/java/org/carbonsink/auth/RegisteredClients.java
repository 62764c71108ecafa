package org.carbonsink.auth;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** The OAuth2 clients: the command-line login for people and one client per configured machine. */
final class RegisteredClients {

    static final String CLI_CLIENT_ID = "carbonsink-cli";
    /** Nothing listens there: the CLI (and {@code TokenClient}) reads the code off the redirect. */
    static final String CLI_REDIRECT_URI = "http://127.0.0.1:8765/callback";
    /** The gateway's Swagger UI (docs/identity.md). */
    static final String SWAGGER_UI_CLIENT_ID = "swagger-ui";
    static final String API_SCOPE = "api";
    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofMinutes(15);

    private RegisteredClients() {
    }

    static RegisteredClientRepository of(List<AuthProperties.Client> machines, AuthProperties.SwaggerUi swaggerUi) {
        List<RegisteredClient> clients = new ArrayList<>();
        clients.add(cli());
        if (!swaggerUi.redirectUris().isEmpty()) {
            clients.add(swaggerUi(swaggerUi.redirectUris()));
        }
        machines.forEach(machine -> clients.add(machine(machine)));
        return new InMemoryRegisteredClientRepository(clients);
    }

    // a public client: it cannot keep a secret, so PKCE is what binds the code to the caller
    private static RegisteredClient cli() {
        return RegisteredClient.withId(CLI_CLIENT_ID)
                .clientId(CLI_CLIENT_ID)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .redirectUri(CLI_REDIRECT_URI)
                .scope(OidcScopes.OPENID).scope(OidcScopes.PROFILE).scope(API_SCOPE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokenSettings())
                .build();
    }

    // public too: a page in a browser keeps no secret either
    private static RegisteredClient swaggerUi(List<String> redirectUris) {
        return RegisteredClient.withId(SWAGGER_UI_CLIENT_ID)
                .clientId(SWAGGER_UI_CLIENT_ID)
                .clientAuthenticationMethod(ClientAuthenticationMethod.NONE)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUris(uris -> uris.addAll(redirectUris))
                .scope(OidcScopes.OPENID).scope(API_SCOPE)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(tokenSettings())
                .build();
    }

    private static RegisteredClient machine(AuthProperties.Client machine) {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(machine.id().getBytes(StandardCharsets.UTF_8)).toString())
                .clientId(machine.id())
                .clientSecret(machine.secret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .scope(API_SCOPE)
                .tokenSettings(tokenSettings())
                .build();
    }

    private static TokenSettings tokenSettings() {
        return TokenSettings.builder().accessTokenTimeToLive(ACCESS_TOKEN_LIFETIME).build();
    }
}
