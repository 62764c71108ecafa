package org.carbonsink.verification.project;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.verification.calculation.CalculationMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The registered projects known to verification. */
@Repository
public class Projects {

    private final JdbcClient jdbc;

    Projects(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the project unless one with its id is known; answers whether it was added. */
    boolean addIfAbsent(Project project) {
        return jdbc.sql("""
                insert into project (id, code, owner_id, methodology_code, ecosystem_type, area_hectares,
                                     buffer_rate, validator_id, registered_at, province, methodology_version,
                                     calculation_method, crediting_period_start, crediting_period_end)
                values (:id, :code, :ownerId, :methodologyCode, :ecosystemType, :areaHectares,
                        :bufferRate, :validatorId, :registeredAt, :province, :methodologyVersion,
                        :calculationMethod, :creditingPeriodStart, :creditingPeriodEnd)
                on conflict (id) do nothing
                """)
                .param("id", project.id())
                .param("code", project.code())
                .param("ownerId", project.ownerId())
                .param("methodologyCode", project.methodologyCode())
                .param("ecosystemType", project.ecosystemType())
                .param("areaHectares", project.areaHectares())
                .param("bufferRate", project.bufferRate())
                .param("validatorId", project.validatorId())
                .param("registeredAt", utc(project.registeredAt()))
                .param("province", project.province())
                .param("methodologyVersion", project.methodologyVersion())
                .param("calculationMethod", project.method().map(Enum::name).orElse(null))
                .param("creditingPeriodStart", project.creditingPeriodStart())
                .param("creditingPeriodEnd", project.creditingPeriodEnd())
                .update() == 1;
    }

    /** Records the project's new state; answers false when the project is unknown. */
    boolean changeState(UUID id, String state, boolean issuanceBlocked, String reason, Instant at) {
        return jdbc.sql("""
                update project set state = :state, issuance_blocked = :blocked, state_reason = :reason,
                    state_changed_at = :at
                where id = :id and (state_changed_at is null or state_changed_at <= :at)
                """)
                .param("id", id).param("state", state).param("blocked", issuanceBlocked).param("reason", reason)
                .param("at", utc(at)).update() == 1;
    }

    public Optional<Project> find(UUID id) {
        return jdbc.sql("select * from project where id = :id").param("id", id).query(Projects::project).optional();
    }

    /**
     * The project, locked until the end of the caller's transaction, so that reports of one project
     * are checked against each other one at a time.
     */
    public Optional<Project> lock(UUID id) {
        return jdbc.sql("select * from project where id = :id for update").param("id", id)
                .query(Projects::project).optional();
    }

    private static Project project(ResultSet rs, int row) throws SQLException {
        String method = rs.getString("calculation_method");
        return new Project(rs.getObject("id", UUID.class), rs.getString("code"), rs.getObject("owner_id", UUID.class),
                rs.getString("methodology_code"), rs.getString("ecosystem_type"), rs.getBigDecimal("area_hectares"),
                rs.getBigDecimal("buffer_rate"), rs.getObject("validator_id", UUID.class),
                rs.getObject("registered_at", OffsetDateTime.class).toInstant(), rs.getString("province"),
                rs.getString("methodology_version"), method == null ? null : CalculationMethod.valueOf(method),
                rs.getObject("crediting_period_start", LocalDate.class),
                rs.getObject("crediting_period_end", LocalDate.class), rs.getString("state"),
                rs.getBoolean("issuance_blocked"), rs.getString("state_reason"));
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
