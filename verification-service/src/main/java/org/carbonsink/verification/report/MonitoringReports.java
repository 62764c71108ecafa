package org.carbonsink.verification.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import org.carbonsink.verification.calculation.CalculationMethod;
import org.carbonsink.verification.calculation.CalculationResult.Flag;
import org.carbonsink.verification.calculation.Vintage;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Monitoring reports, their versions, their transitions and their vintages. */
@Repository
public class MonitoringReports {

    private static final String WITH_CURRENT = """
            select r.*, v.version, v.submitted_by, v.submitted_at as version_submitted_at,
                   v.period_start as version_period_start, v.period_end as version_period_end, v.provenance,
                   v.provenance_hash, v.formula_version, v.parameter_version, v.net_removals, v.uncertainty_percent,
                   v.uncertainty_source, v.deduction_rate, v.credits, v.buffer_credits, v.vintages, v.flags, v.loss_credits
            from monitoring_report r join report_version v on v.report_id = r.id and v.version = r.current_version
            """;

    private final JdbcClient jdbc;
    private final JsonMapper json;

    MonitoringReports(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    void add(MonitoringReport report) {
        jdbc.sql("""
                insert into monitoring_report (id, project_id, owner_id, verifier_id, period_start, period_end,
                    calculation_method, status, current_version, submitted_at)
                values (:id, :projectId, :ownerId, :verifierId, :periodStart, :periodEnd, :method, :status,
                    :version, :submittedAt)
                """)
                .param("id", report.id()).param("projectId", report.projectId()).param("ownerId", report.ownerId())
                .param("verifierId", report.verifierId()).param("periodStart", report.periodStart())
                .param("periodEnd", report.periodEnd()).param("method", report.method().name())
                .param("status", report.status().name()).param("version", report.current().version())
                .param("submittedAt", utc(report.submittedAt()))
                .update();
        addVersion(report.id(), report.current());
    }

    void addVersion(UUID reportId, ReportVersion v) {
        jdbc.sql("""
                insert into report_version (report_id, version, submitted_by, submitted_at, period_start, period_end,
                    provenance, provenance_hash, formula_version, parameter_version, net_removals, uncertainty_percent,
                    uncertainty_source, deduction_rate, credits, buffer_credits, vintages, flags, loss_credits)
                values (:reportId, :version, :submittedBy, :submittedAt, :periodStart, :periodEnd, :provenance, :hash,
                    :formulaVersion, :parameterVersion, :net, :uncertainty, :uncertaintySource, :deductionRate,
                    :credits, :buffer, :vintages, :flags, :loss)
                """)
                .param("reportId", reportId).param("version", v.version()).param("submittedBy", v.submittedBy())
                .param("submittedAt", utc(v.submittedAt())).param("periodStart", v.periodStart())
                .param("periodEnd", v.periodEnd()).param("provenance", v.provenance()).param("hash", v.provenanceHash())
                .param("formulaVersion", v.formulaVersion()).param("parameterVersion", v.parameterVersion())
                .param("net", v.netRemovals()).param("uncertainty", v.uncertaintyPercent())
                .param("uncertaintySource", v.uncertaintySource()).param("deductionRate", v.deductionRate())
                .param("credits", v.credits()).param("buffer", v.bufferCredits()).param("loss", v.lossCredits())
                .param("vintages", json.writeValueAsString(v.vintages())).param("flags", json.writeValueAsString(v.flags()))
                .update();
    }

    /** Names the registry's reversal of the report's loss; false when the report is unknown or names one. */
    boolean reversalRecorded(UUID reportId, UUID reversalId) {
        return jdbc.sql("update monitoring_report set reversal_id = :reversal where id = :id and reversal_id is null")
                .param("reversal", reversalId).param("id", reportId).update() == 1;
    }

    /** Makes {@code version} (already added) the report's current one, with its period, and moves the status. */
    void resubmitted(UUID reportId, ReportVersion version) {
        jdbc.sql("""
                update monitoring_report set current_version = :version, period_start = :start, period_end = :end,
                    status = 'RESUBMITTED'
                where id = :id and status = 'CHANGES_REQUESTED'
                """)
                .param("id", reportId).param("version", version.version()).param("start", version.periodStart())
                .param("end", version.periodEnd()).update();
    }

    void disclosed(UUID reportId, LocalDate opens, LocalDate closes) {
        jdbc.sql("""
                update monitoring_report set status = 'DISCLOSED', disclosure_opens = :opens, disclosure_closes = :closes
                where id = :id and status = 'SUBMITTED'
                """).param("id", reportId).param("opens", opens).param("closes", closes).update();
    }

    /** Moves the report from {@code from} to {@code to}; false when it was no longer in {@code from}. */
    boolean move(UUID reportId, ReportStatus from, ReportStatus to) {
        return jdbc.sql("update monitoring_report set status = :to where id = :id and status = :from")
                .param("id", reportId).param("from", from.name()).param("to", to.name()).update() == 1;
    }

    boolean conclude(UUID reportId, ReportStatus from, ReportStatus to, Decision decision) {
        return jdbc.sql("""
                update monitoring_report set status = :to, decided_by = :by, decided_at = :at, findings = :findings
                where id = :id and status = :from
                """)
                .param("id", reportId).param("from", from.name()).param("to", to.name())
                .param("by", decision.decidedBy()).param("at", utc(decision.decidedAt()))
                .param("findings", decision.findings()).update() == 1;
    }

    void record(UUID reportId, Transition t) {
        jdbc.sql("""
                insert into report_transition (report_id, position, from_status, to_status, version, actor, actor_role,
                    at, comment)
                values (:id, (select count(*) from report_transition where report_id = :id), :from, :to, :version,
                    :actor, :role, :at, :comment)
                """)
                .param("id", reportId).param("from", t.from() == null ? null : t.from().name())
                .param("to", t.to().name()).param("version", t.version()).param("actor", t.actor())
                .param("role", t.actorRole()).param("at", utc(t.at())).param("comment", t.comment()).update();
    }

    void addVintages(UUID reportId, List<Vintage> vintages) {
        for (Vintage v : vintages) {
            jdbc.sql("""
                    insert into report_vintage (report_id, vintage, period_from, period_to, credits, buffer_credits)
                    values (:id, :vintage, :from, :to, :credits, :buffer)
                    """)
                    .param("id", reportId).param("vintage", v.year()).param("from", v.from()).param("to", v.to())
                    .param("credits", v.credits()).param("buffer", v.bufferCredits()).update();
        }
    }

    /** Marks the vintage issued; false when it is unknown or was issued already. */
    boolean vintageIssued(UUID reportId, int vintage, UUID issuanceId, Instant at) {
        return jdbc.sql("""
                update report_vintage set issuance_id = :issuance, issued_at = :at
                where report_id = :id and vintage = :vintage and issuance_id is null
                """)
                .param("id", reportId).param("vintage", vintage).param("issuance", issuanceId).param("at", utc(at))
                .update() == 1;
    }

    long vintagesAwaitingIssuance(UUID reportId) {
        return jdbc.sql("select count(*) from report_vintage where report_id = :id and issuance_id is null")
                .param("id", reportId).query(Long.class).single();
    }

    public Optional<MonitoringReport> find(UUID id) {
        return jdbc.sql(WITH_CURRENT + " where r.id = :id").param("id", id).query(this::report).optional();
    }

    /** The report, locked until the end of the caller's transaction. */
    Optional<MonitoringReport> lock(UUID id) {
        jdbc.sql("select id from monitoring_report where id = :id for update").param("id", id).query(UUID.class).list();
        return find(id);
    }

    public List<ReportVersion> versions(UUID id) {
        return jdbc.sql("""
                select v.*, v.submitted_at as version_submitted_at, v.period_start as version_period_start,
                       v.period_end as version_period_end
                from report_version v where report_id = :id order by version
                """).param("id", id).query((rs, row) -> version(rs)).list();
    }

    public List<Transition> transitions(UUID id) {
        return jdbc.sql("select * from report_transition where report_id = :id order by position").param("id", id)
                .query((rs, row) -> new Transition(status(rs.getString("from_status")),
                        ReportStatus.valueOf(rs.getString("to_status")), rs.getInt("version"),
                        rs.getObject("actor", UUID.class), rs.getString("actor_role"), instant(rs, "at"),
                        rs.getString("comment")))
                .list();
    }

    /** A report of the project, not rejected and not {@code except}, whose period shares a day with the given one. */
    Optional<UUID> overlapping(UUID projectId, LocalDate periodStart, LocalDate periodEnd, UUID except) {
        return jdbc.sql("""
                select id from monitoring_report
                where project_id = :projectId and status <> 'REJECTED' and id <> :except
                  and period_start <= :periodEnd and period_end >= :periodStart
                order by period_start limit 1
                """)
                .param("projectId", projectId).param("periodStart", periodStart).param("periodEnd", periodEnd)
                .param("except", except == null ? new UUID(0, 0) : except)
                .query(UUID.class).optional();
    }

    /** The project's live (not rejected) report whose period ends last before {@code periodStart}, but {@code except}. */
    Optional<MonitoringReport> previousLive(UUID projectId, LocalDate periodStart, UUID except) {
        return jdbc.sql("""
                select id from monitoring_report
                where project_id = :projectId and status <> 'REJECTED' and id <> :except and period_end < :periodStart
                order by period_end desc limit 1
                """).param("projectId", projectId).param("periodStart", periodStart)
                .param("except", except == null ? new UUID(0, 0) : except).query(UUID.class).optional()
                .flatMap(this::find);
    }

    /** The project's live (not rejected) report whose period starts first after {@code periodEnd}, but {@code except}. */
    Optional<MonitoringReport> nextLive(UUID projectId, LocalDate periodEnd, UUID except) {
        return jdbc.sql("""
                select id from monitoring_report
                where project_id = :projectId and status <> 'REJECTED' and id <> :except and period_start > :periodEnd
                order by period_start limit 1
                """).param("projectId", projectId).param("periodEnd", periodEnd)
                .param("except", except == null ? new UUID(0, 0) : except).query(UUID.class).optional()
                .flatMap(this::find);
    }

    /** Reports, latest period first, optionally of one project and in one status. */
    public List<MonitoringReport> list(UUID projectId, ReportStatus status, int limit, long offset) {
        Filter filter = new Filter(projectId, status);
        var statement = jdbc.sql(WITH_CURRENT + filter.where() + " order by r.period_start desc, r.id limit :limit offset :offset");
        filter.bind(statement::param);
        return statement.param("limit", limit).param("offset", offset).query(this::report).list();
    }

    public long count(UUID projectId, ReportStatus status) {
        Filter filter = new Filter(projectId, status);
        var statement = jdbc.sql("select count(*) from monitoring_report r" + filter.where());
        filter.bind(statement::param);
        return statement.query(Long.class).single();
    }

    private record Filter(UUID projectId, ReportStatus status) {

        String where() {
            List<String> conditions = new ArrayList<>();
            if (projectId != null) {
                conditions.add("r.project_id = :projectId");
            }
            if (status != null) {
                conditions.add("r.status = :status");
            }
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }

        void bind(BiConsumer<String, Object> param) {
            if (projectId != null) {
                param.accept("projectId", projectId);
            }
            if (status != null) {
                param.accept("status", status.name());
            }
        }
    }

    private MonitoringReport report(ResultSet rs, int row) throws SQLException {
        UUID decidedBy = rs.getObject("decided_by", UUID.class);
        Optional<Decision> decision = decidedBy == null ? Optional.empty()
                : Optional.of(new Decision(decidedBy, instant(rs, "decided_at"), rs.getString("findings")));
        return new MonitoringReport(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getObject("owner_id", UUID.class), rs.getObject("verifier_id", UUID.class),
                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                CalculationMethod.valueOf(rs.getString("calculation_method")), ReportStatus.valueOf(rs.getString("status")),
                instant(rs, "submitted_at"), rs.getObject("disclosure_opens", LocalDate.class),
                rs.getObject("disclosure_closes", LocalDate.class), decision, version(rs),
                rs.getObject("reversal_id", UUID.class));
    }

    private ReportVersion version(ResultSet rs) throws SQLException {
        return new ReportVersion(rs.getInt("version"), rs.getObject("submitted_by", UUID.class),
                instant(rs, "version_submitted_at"), rs.getObject("version_period_start", LocalDate.class),
                rs.getObject("version_period_end", LocalDate.class), rs.getString("provenance"),
                rs.getString("provenance_hash"), rs.getString("formula_version"), rs.getString("parameter_version"),
                rs.getBigDecimal("net_removals"), rs.getBigDecimal("uncertainty_percent"),
                rs.getString("uncertainty_source"), rs.getBigDecimal("deduction_rate"), rs.getLong("credits"),
                rs.getLong("buffer_credits"), json.readValue(rs.getString("vintages"), new TypeReference<List<Vintage>>() {
                }), json.readValue(rs.getString("flags"), new TypeReference<List<Flag>>() {
                }), rs.getLong("loss_credits"));
    }

    private static ReportStatus status(String name) {
        return name == null ? null : ReportStatus.valueOf(name);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
