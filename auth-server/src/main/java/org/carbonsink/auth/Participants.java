package org.carbonsink.auth;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Who a login name or a client id is in the registry: its participant id and role. */
@Component
public class Participants {

    public record Participant(String name, UUID subject, Role role) {
    }

    private final Map<String, Participant> users;
    private final Map<String, Participant> clients;

    public Participants(AuthProperties properties) {
        this.users = properties.users().stream()
                .map(u -> new Participant(u.username(), u.subject(), u.role()))
                .collect(Collectors.toUnmodifiableMap(Participant::name, Function.identity()));
        this.clients = properties.clients().stream()
                .map(c -> new Participant(c.id(), c.subject(), c.role()))
                .collect(Collectors.toUnmodifiableMap(Participant::name, Function.identity()));
    }

    public Optional<Participant> user(String username) {
        return Optional.ofNullable(users.get(username));
    }

    public Optional<Participant> client(String clientId) {
        return Optional.ofNullable(clients.get(clientId));
    }
}
