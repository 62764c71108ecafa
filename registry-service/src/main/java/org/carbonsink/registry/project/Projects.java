package org.carbonsink.registry.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Projects {

    private static final String COLUMNS = "id, code, name, owner_id, methodology_code, ecosystem_type, province, "
            + "area_hectares, validator_id, buffer_rate, status, applied_at, decided_at, decided_by, rejection_reason";

    private final JdbcClient jdbc;

    Projects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The next project code: P000001, P000002, ... */
    String nextCode() {
        long n = jdbc.sql("select nextval('project_code_seq')").query(Long.class).single();
        return String.format("P%06d", n);
    }

    void add(Project p) {
        jdbc.sql("insert into project (" + COLUMNS + ") values (:id, :code, :name, :owner, :methodology, :ecosystem, "
                + ":province, :area, :validator, :bufferRate, :status, :appliedAt, null, null, null)")
                .param("id", p.id()).param("code", p.code()).param("name", p.name()).param("owner", p.ownerId())
                .param("methodology", p.methodologyCode()).param("ecosystem", p.ecosystemType().name())
                .param("province", p.province()).param("area", p.areaHectares()).param("validator", p.validatorId())
                .param("bufferRate", p.bufferRate()).param("status", p.status().name())
                .param("appliedAt", Timestamp.from(p.appliedAt()))
                .update();
    }

    void decide(UUID id, Project.Status status, Instant at, UUID by, String rejectionReason) {
        jdbc.sql("update project set status = :status, decided_at = :at, decided_by = :by, rejection_reason = :reason "
                + "where id = :id")
                .param("status", status.name()).param("at", Timestamp.from(at)).param("by", by)
                .param("reason", rejectionReason).param("id", id).update();
    }

    public Optional<Project> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from project where id = :id").param("id", id).query(Projects::map)
                .optional();
    }

    public Project get(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("project", id));
    }

    /** Locks the project row for a decision, so two administrators cannot decide at once. */
    Project lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from project where id = :id for update").param("id", id)
                .query(Projects::map).optional().orElseThrow(() -> ProblemException.notFound("project", id));
    }

    public List<Project> list(Project.Status status, UUID ownerId, int limit, long offset) {
        return jdbc.sql("select " + COLUMNS + " from project where (cast(:status as text) is null or status = :status) "
                + "and (cast(:owner as uuid) is null or owner_id = :owner) order by code limit :limit offset :offset")
                .param("status", status == null ? null : status.name()).param("owner", ownerId)
                .param("limit", limit).param("offset", offset).query(Projects::map).list();
    }

    public long count(Project.Status status, UUID ownerId) {
        return jdbc.sql("select count(*) from project where (cast(:status as text) is null or status = :status) "
                + "and (cast(:owner as uuid) is null or owner_id = :owner)")
                .param("status", status == null ? null : status.name()).param("owner", ownerId)
                .query(Long.class).single();
    }

    private static Project map(ResultSet rs, int row) throws SQLException {
        Timestamp decidedAt = rs.getTimestamp("decided_at");
        return new Project(rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name"),
                rs.getObject("owner_id", UUID.class), rs.getString("methodology_code"),
                EcosystemType.valueOf(rs.getString("ecosystem_type")), rs.getString("province"),
                rs.getBigDecimal("area_hectares"), rs.getObject("validator_id", UUID.class),
                rs.getBigDecimal("buffer_rate"), Project.Status.valueOf(rs.getString("status")),
                rs.getTimestamp("applied_at").toInstant(), decidedAt == null ? null : decidedAt.toInstant(),
                rs.getObject("decided_by", UUID.class), rs.getString("rejection_reason"));
    }
}
