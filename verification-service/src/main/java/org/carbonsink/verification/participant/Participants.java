package org.carbonsink.verification.participant;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registered participants known to verification. */
@Repository
public class Participants {

    private final JdbcClient jdbc;

    Participants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Records the participant once; a later registration of a known id changes nothing. */
    public boolean addIfAbsent(Participant participant) {
        return jdbc.sql("""
                insert into participant (id, name, role, registered_at) values (:id, :name, :role, :at)
                on conflict (id) do nothing
                """)
                .param("id", participant.id()).param("name", participant.name()).param("role", participant.role())
                .param("at", OffsetDateTime.ofInstant(participant.registeredAt(), ZoneOffset.UTC)).update() == 1;
    }

    /** The names of those of {@code ids} that are known, in one query (a page of reports names its verifiers). */
    public Map<UUID, String> names(Collection<UUID> ids) {
        Map<UUID, String> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        jdbc.sql("select id, name from participant where id = any(:ids)").param("ids", ids.toArray(UUID[]::new))
                .query(rs -> {
                    names.put(rs.getObject("id", UUID.class), rs.getString("name"));
                });
        return names;
    }

    public Optional<Participant> find(UUID id) {
        return jdbc.sql("select * from participant where id = :id").param("id", id)
                .query((rs, row) -> new Participant(rs.getObject("id", UUID.class), rs.getString("name"),
                        rs.getString("role"), rs.getObject("registered_at", OffsetDateTime.class).toInstant()))
                .optional();
    }
}
