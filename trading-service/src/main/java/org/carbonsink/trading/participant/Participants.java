package org.carbonsink.trading.participant;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The exchange's read model of the registry's participants (from {@code ParticipantRegistered}): who
 * has a registry account, and in which role. A registration never changes its role here, so the roles
 * found are kept in memory and an order costs no read once its participant is known.
 */
@Repository
public class Participants {

    private final JdbcClient jdbc;
    private final ConcurrentMap<UUID, String> roles = new ConcurrentHashMap<>();

    Participants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The participant's registry role, if the registry registered it. */
    public Optional<String> roleOf(UUID participantId) {
        String known = roles.get(participantId);
        if (known != null) {
            return Optional.of(known);
        }
        Optional<String> role = jdbc.sql("select role from participant where participant_id = :id")
                .param("id", participantId).query(String.class).optional();
        role.ifPresent(r -> roles.put(participantId, r));
        return role;
    }

    /** Records a registration; a repeated one changes nothing. */
    void register(UUID participantId, String name, String role, Instant at) {
        jdbc.sql("""
                insert into participant (participant_id, name, role, registered_at) values (:id, :name, :role, :at)
                on conflict (participant_id) do nothing
                """).param("id", participantId).param("name", name).param("role", role).param("at", Timestamp.from(at))
                .update();
    }
}
