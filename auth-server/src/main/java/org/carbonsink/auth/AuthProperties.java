package org.carbonsink.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * {@code carbonsink.auth}: the issuer, the people who log in and the machine clients. Passwords and
 * secrets are in the {@code {id}encoded} form of Spring Security's delegating password encoder.
 */
@Validated
@ConfigurationProperties("carbonsink.auth")
public record AuthProperties(@NotBlank String issuer, @Valid List<User> users, @Valid List<Client> clients,
        @Valid SwaggerUi swaggerUi) {

    public AuthProperties {
        users = users == null ? List.of() : List.copyOf(users);
        clients = clients == null ? List.of() : List.copyOf(clients);
        swaggerUi = swaggerUi == null ? new SwaggerUi(List.of(), List.of()) : swaggerUi;
    }

    /** A person: logs in with the form, acts as participant {@code subject}. */
    public record User(@NotBlank String username, @NotBlank String password, @NotNull UUID subject,
            @NotNull Role role) {
    }

    /**
     * The gateway's Swagger UI, a public client in a browser: where it may be sent back after login
     * (its {@code oauth2-redirect.html}; on a loopback address any port matches, RFC 8252) and the
     * origins whose pages may call the token endpoint (CORS patterns, e.g. {@code http://127.0.0.1:[*]}).
     */
    public record SwaggerUi(List<String> redirectUris, List<String> allowedOrigins) {

        public SwaggerUi {
            redirectUris = redirectUris == null ? List.of() : List.copyOf(redirectUris);
            allowedOrigins = allowedOrigins == null ? List.of() : List.copyOf(allowedOrigins);
        }
    }

    /** A machine: client credentials, acts as participant {@code subject}. */
    public record Client(@NotBlank String id, @NotBlank String secret, @NotNull UUID subject, @NotNull Role role) {
    }
}
