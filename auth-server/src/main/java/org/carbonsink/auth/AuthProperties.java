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
public record AuthProperties(@NotBlank String issuer, @Valid List<User> users, @Valid List<Client> clients) {

    public AuthProperties {
        users = users == null ? List.of() : List.copyOf(users);
        clients = clients == null ? List.of() : List.copyOf(clients);
    }

    /** A person: logs in with the form, acts as participant {@code subject}. */
    public record User(@NotBlank String username, @NotBlank String password, @NotNull UUID subject,
            @NotNull Role role) {
    }

    /** A machine: client credentials, acts as participant {@code subject}. */
    public record Client(@NotBlank String id, @NotBlank String secret, @NotNull UUID subject, @NotNull Role role) {
    }
}
