package org.carbonsink.support.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.Scopes;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;

/**
 * The parts of a service's OpenAPI description that springdoc cannot see in its controllers: which
 * service it is, where callers reach it and how they get a token.
 */
public final class ApiDescription {

    /** The security scheme Swagger UI logs in with: authorization code with PKCE at the authorization server. */
    public static final String OAUTH2 = "oauth2";
    /** For a caller who already has a token (scripts/token.sh, a machine client). */
    public static final String BEARER = "bearer";

    private ApiDescription() {
    }

    /**
     * {@code service} is the application name ({@code registry-service}); {@code issuer} the authorization
     * server's issuer, which is also where browsers reach it.
     */
    public static OpenAPI of(String service, String issuer) {
        String name = service.endsWith("-service") ? service.substring(0, service.length() - "-service".length())
                : service;
        return new OpenAPI()
                .info(new Info().title(service).version("v1")
                        .description("Carbon sink credit registry and exchange: " + service
                                + ". Bearer tokens from the authorization server; see docs/identity.md."))
                // relative to the host the description was read from: callers (and Swagger UI) go through
                // the gateway, which serves this service under /api/<name>; a fixed host would also make
                // the description differ with each address it was fetched from
                .servers(List.of(new Server().url("/api/" + name).description("through the gateway")))
                .components(new Components()
                        .addSecuritySchemes(OAUTH2, new SecurityScheme().type(SecurityScheme.Type.OAUTH2)
                                .description("People: log in at the authorization server (code flow with PKCE; "
                                        + "Swagger UI uses the public client swagger-ui)")
                                .flows(new OAuthFlows().authorizationCode(new OAuthFlow()
                                        .authorizationUrl(issuer + "/oauth2/authorize")
                                        .tokenUrl(issuer + "/oauth2/token")
                                        .scopes(new Scopes().addString("openid", "the caller's identity")
                                                .addString("api", "the registry and exchange API")))))
                        .addSecuritySchemes(BEARER, new SecurityScheme().type(SecurityScheme.Type.HTTP)
                                .scheme("bearer").bearerFormat("JWT")
                                .description("An access token from the authorization server")))
                // public disclosure reads need no token; sending one there does no harm (it must be valid)
                .security(List.of(new SecurityRequirement().addList(OAUTH2), new SecurityRequirement().addList(BEARER)));
    }
}
