package org.carbonsink.verification.report;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.carbonsink.verification.calculation.SpeciesFactors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Monitoring reports and their strata. */
@Repository
public class MonitoringReports {

    private final JdbcClient jdbc;

    MonitoringReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(MonitoringReport report) {
        jdbc.sql("""
                insert into monitoring_report (id, project_id, owner_id, verifier_id, period_start, period_end,
                    relative_uncertainty_percent, baseline_removals, leakage, project_emissions, delta_c_tree,
                    net_removals, deduction_rate, verified_credits, buffer_rate, buffer_credits, vintage, status,
                    submitted_at)
                values (:id, :projectId, :ownerId, :verifierId, :periodStart, :periodEnd, :uncertainty, :baseline,
                    :leakage, :projectEmissions, :deltaCTree, :netRemovals, :deductionRate, :verifiedCredits,
                    :bufferRate, :bufferCredits, :vintage, :status, :submittedAt)
                """)
                .param("id", report.id())
                .param("projectId", report.projectId())
                .param("ownerId", report.ownerId())
                .param("verifierId", report.verifierId())
                .param("periodStart", report.periodStart())
                .param("periodEnd", report.periodEnd())
                .param("uncertainty", report.relativeUncertaintyPercent())
                .param("baseline", report.baselineRemovals())
                .param("leakage", report.leakage())
                .param("projectEmissions", report.projectEmissions())
                .param("deltaCTree", report.deltaCTree())
                .param("netRemovals", report.netRemovals())
                .param("deductionRate", report.deductionRate())
                .param("verifiedCredits", report.verifiedCredits())
                .param("bufferRate", report.bufferRate())
                .param("bufferCredits", report.bufferCredits())
                .param("vintage", report.vintage())
                .param("status", report.status().name())
                .param("submittedAt", utc(report.submittedAt()))
                .update();
        int position = 0;
        for (ReportStratum stratum : report.strata()) {
            jdbc.sql("""
                    insert into report_stratum (report_id, position, species, area_hectares, volume_start_per_ha,
                        volume_end_per_ha, wood_density, expansion_factor, root_shoot_ratio, carbon_fraction, factor,
                        carbon_start, carbon_end, removals)
                    values (:reportId, :position, :species, :area, :volumeStart, :volumeEnd, :woodDensity,
                        :expansionFactor, :rootShootRatio, :carbonFraction, :factor, :carbonStart, :carbonEnd,
                        :removals)
                    """)
                    .param("reportId", report.id())
                    .param("position", position++)
                    .param("species", stratum.species())
                    .param("area", stratum.areaHectares())
                    .param("volumeStart", stratum.volumeStartPerHectare())
                    .param("volumeEnd", stratum.volumeEndPerHectare())
                    .param("woodDensity", stratum.parameters().woodDensity())
                    .param("expansionFactor", stratum.parameters().expansionFactor())
                    .param("rootShootRatio", stratum.parameters().rootShootRatio())
                    .param("carbonFraction", stratum.parameters().carbonFraction())
                    .param("factor", stratum.factor())
                    .param("carbonStart", stratum.carbonStart())
                    .param("carbonEnd", stratum.carbonEnd())
                    .param("removals", stratum.removals())
                    .update();
        }
    }

    public Optional<MonitoringReport> find(UUID id) {
        return withStrata(jdbc.sql("select * from monitoring_report where id = :id").param("id", id)
                .query(MonitoringReports::report).list()).stream().findFirst();
    }

    /** The report, locked until the end of the caller's transaction. */
    Optional<MonitoringReport> lock(UUID id) {
        return withStrata(jdbc.sql("select * from monitoring_report where id = :id for update").param("id", id)
                .query(MonitoringReports::report).list()).stream().findFirst();
    }

    /** A report of the project, not rejected, whose period shares a day with the given one. */
    Optional<UUID> overlapping(UUID projectId, LocalDate periodStart, LocalDate periodEnd) {
        return jdbc.sql("""
                select id from monitoring_report
                where project_id = :projectId and status <> 'REJECTED'
                  and period_start <= :periodEnd and period_end >= :periodStart
                order by period_start limit 1
                """)
                .param("projectId", projectId).param("periodStart", periodStart).param("periodEnd", periodEnd)
                .query(UUID.class).optional();
    }

    /** Records the decision; answers false when the report was no longer {@code SUBMITTED}. */
    boolean decide(UUID id, ReportStatus status, Decision decision) {
        return jdbc.sql("""
                update monitoring_report
                set status = :status, decided_by = :decidedBy, decided_at = :decidedAt, decision_comment = :comment
                where id = :id and status = 'SUBMITTED'
                """)
                .param("id", id).param("status", status.name()).param("decidedBy", decision.decidedBy())
                .param("decidedAt", utc(decision.decidedAt())).param("comment", decision.comment())
                .update() == 1;
    }

    /** Reports, latest period first, optionally of one project and in one status. */
    public List<MonitoringReport> list(UUID projectId, ReportStatus status, int limit, long offset) {
        Filter filter = new Filter(projectId, status);
        var statement = jdbc.sql("select * from monitoring_report" + filter.where()
                + " order by period_start desc, id limit :limit offset :offset");
        filter.bind(statement::param);
        return withStrata(statement.param("limit", limit).param("offset", offset)
                .query(MonitoringReports::report).list());
    }

    public long count(UUID projectId, ReportStatus status) {
        Filter filter = new Filter(projectId, status);
        var statement = jdbc.sql("select count(*) from monitoring_report" + filter.where());
        filter.bind(statement::param);
        return statement.query(Long.class).single();
    }

    private record Filter(UUID projectId, ReportStatus status) {

        String where() {
            List<String> conditions = new ArrayList<>();
            if (projectId != null) {
                conditions.add("project_id = :projectId");
            }
            if (status != null) {
                conditions.add("status = :status");
            }
            return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
        }

        void bind(java.util.function.BiConsumer<String, Object> param) {
            if (projectId != null) {
                param.accept("projectId", projectId);
            }
            if (status != null) {
                param.accept("status", status.name());
            }
        }
    }

    private List<MonitoringReport> withStrata(List<MonitoringReport> reports) {
        if (reports.isEmpty()) {
            return reports;
        }
        Map<UUID, List<ReportStratum>> strata = jdbc.sql("""
                select * from report_stratum where report_id in (:ids) order by report_id, position
                """)
                .param("ids", reports.stream().map(MonitoringReport::id).toList())
                .query((rs, row) -> Map.entry(rs.getObject("report_id", UUID.class), stratum(rs)))
                .list().stream() // list(): a JdbcClient stream() holds its connection until closed
                .collect(Collectors.groupingBy(Map.Entry::getKey, LinkedHashMap::new,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList())));
        return reports.stream().map(r -> new MonitoringReport(r.id(), r.projectId(), r.ownerId(), r.verifierId(),
                r.periodStart(), r.periodEnd(), r.relativeUncertaintyPercent(), r.baselineRemovals(), r.leakage(),
                r.projectEmissions(), strata.getOrDefault(r.id(), List.of()), r.deltaCTree(), r.netRemovals(),
                r.deductionRate(), r.verifiedCredits(), r.bufferRate(), r.bufferCredits(), r.status(),
                r.submittedAt(), r.decision())).toList();
    }

    private static MonitoringReport report(ResultSet rs, int row) throws SQLException {
        UUID decidedBy = rs.getObject("decided_by", UUID.class);
        Optional<Decision> decision = decidedBy == null ? Optional.empty()
                : Optional.of(new Decision(decidedBy, instant(rs, "decided_at"), rs.getString("decision_comment")));
        return new MonitoringReport(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getObject("owner_id", UUID.class), rs.getObject("verifier_id", UUID.class),
                rs.getObject("period_start", LocalDate.class), rs.getObject("period_end", LocalDate.class),
                rs.getBigDecimal("relative_uncertainty_percent"), rs.getBigDecimal("baseline_removals"),
                rs.getBigDecimal("leakage"), rs.getBigDecimal("project_emissions"), List.of(),
                rs.getBigDecimal("delta_c_tree"), rs.getBigDecimal("net_removals"), rs.getBigDecimal("deduction_rate"),
                rs.getLong("verified_credits"), rs.getBigDecimal("buffer_rate"), rs.getLong("buffer_credits"),
                ReportStatus.valueOf(rs.getString("status")), instant(rs, "submitted_at"), decision);
    }

    private static ReportStratum stratum(ResultSet rs) throws SQLException {
        return new ReportStratum(rs.getString("species"), rs.getBigDecimal("area_hectares"),
                rs.getBigDecimal("volume_start_per_ha"), rs.getBigDecimal("volume_end_per_ha"),
                new SpeciesFactors(rs.getBigDecimal("wood_density"), rs.getBigDecimal("expansion_factor"),
                        rs.getBigDecimal("root_shoot_ratio"), rs.getBigDecimal("carbon_fraction")),
                rs.getBigDecimal("factor"), rs.getBigDecimal("carbon_start"), rs.getBigDecimal("carbon_end"),
                rs.getBigDecimal("removals"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return rs.getObject(column, OffsetDateTime.class).toInstant();
    }

    private static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
