package org.carbonsink.registry.participant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Participants {

    /** Seeded by the first migration; the only registry administrator until identities arrive. */
    public static final UUID REGISTRY_ADMINISTRATOR = UUID.fromString("00000000-0000-0000-0000-00000000a001");

    private final JdbcClient jdbc;

    Participants(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Participant participant) {
        jdbc.sql("insert into participant (id, name, role, created_at) values (:id, :name, :role, :createdAt)")
                .param("id", participant.id()).param("name", participant.name())
                .param("role", participant.role().name()).param("createdAt", java.sql.Timestamp.from(participant.createdAt()))
                .update();
    }

    public Optional<Participant> find(UUID id) {
        return jdbc.sql("select id, name, role, created_at from participant where id = :id").param("id", id)
                .query(Participants::map).optional();
    }

    public Participant get(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("participant", id));
    }

    /** The participant asking, who must have the role for the act. */
    public Participant requireRole(UUID id, ParticipantRole role, String act) {
        Participant participant = find(id).orElseThrow(() -> ProblemException.forbidden(
                "participant " + id + " is not registered"));
        if (!participant.is(role)) {
            throw ProblemException.forbidden("only a " + role + " may " + act + "; participant " + id + " is a "
                    + participant.role());
        }
        return participant;
    }

    private static Participant map(ResultSet rs, int row) throws SQLException {
        return new Participant(rs.getObject("id", UUID.class), rs.getString("name"),
                ParticipantRole.valueOf(rs.getString("role")), rs.getTimestamp("created_at").toInstant());
    }
}
