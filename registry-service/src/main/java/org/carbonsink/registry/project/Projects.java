package org.carbonsink.registry.project;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.support.web.ProblemException;
import org.locationtech.jts.geom.Envelope;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Projects {

    private static final String COLUMNS = "id, code, name, owner_id, methodology_code, methodology_version, "
            + "ecosystem_type, province, county, area_hectares, construction_start, crediting_period_start, "
            + "crediting_period_end, validator_id, internal_risk, external_risk, natural_risk, boundary_wkb, "
            + "buffer_rate, status, drafted_at, disclosure_opens, disclosure_closes, disclosure_note, "
            + "disclosure_ends_at, applied_at, "
            + "decision_due, decision_note, decided_at, decided_by, rejection_reason, state_changed_at, "
            + "state_changed_by, state_reason";

    /** States whose land is claimed: pending (disclosed, in validation, applied) or registered. */
    static final List<String> CLAIMING_LAND = List.of("PUBLIC_DISCLOSURE", "VALIDATION", "REGISTRATION_APPLIED",
            "REGISTERED", "SUSPENDED");

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
        jdbc.sql("insert into project (id, code, owner_id, status, drafted_at, name, methodology_code, "
                + "methodology_version, ecosystem_type, province, county, area_hectares, construction_start, "
                + "crediting_period_start, crediting_period_end, validator_id, internal_risk, external_risk, "
                + "natural_risk, boundary_wkb, bbox_min_lon, bbox_min_lat, bbox_max_lon, bbox_max_lat, "
                + "boundary_hectares, buffer_rate) values (:id, :code, :owner, :status, :draftedAt, " + DESIGN_PARAMS + ")")
                .param("id", p.id()).param("code", p.code()).param("owner", p.ownerId())
                .param("status", p.status().name()).param("draftedAt", Timestamp.from(p.draftedAt()))
                .params(designParams(p))
                .update();
    }

    private static final String DESIGN_PARAMS = ":name, :methodology, :version, :ecosystem, :province, :county, "
            + ":area, :constructionStart, :creditingStart, :creditingEnd, :validator, :internalRisk, :externalRisk, "
            + ":naturalRisk, :wkb, :minLon, :minLat, :maxLon, :maxLat, :boundaryHectares, :bufferRate";

    private static Map<String, Object> designParams(Project p) {
        ProjectDesign d = p.design();
        Envelope box = d.boundary().envelope();
        Map<String, Object> params = new HashMap<>();
        params.put("name", d.name());
        params.put("methodology", d.methodologyCode());
        params.put("version", d.methodologyVersion());
        params.put("ecosystem", d.ecosystemType().name());
        params.put("province", d.province());
        params.put("county", d.county());
        params.put("area", d.areaHectares());
        params.put("constructionStart", Date.valueOf(d.constructionStart()));
        params.put("creditingStart", Date.valueOf(d.creditingPeriodStart()));
        params.put("creditingEnd", Date.valueOf(d.creditingPeriodEnd()));
        params.put("validator", d.validatorId());
        params.put("internalRisk", d.risk().internal());
        params.put("externalRisk", d.risk().external());
        params.put("naturalRisk", d.risk().natural());
        params.put("wkb", d.boundary().wkb());
        params.put("minLon", box.getMinX());
        params.put("minLat", box.getMinY());
        params.put("maxLon", box.getMaxX());
        params.put("maxLat", box.getMaxY());
        params.put("boundaryHectares", d.boundary().hectares());
        params.put("bufferRate", p.bufferRate());
        return params;
    }

    void updateDesign(Project p) {
        jdbc.sql("update project set (name, methodology_code, methodology_version, ecosystem_type, province, county, "
                + "area_hectares, construction_start, crediting_period_start, crediting_period_end, validator_id, "
                + "internal_risk, external_risk, natural_risk, boundary_wkb, bbox_min_lon, bbox_min_lat, bbox_max_lon, "
                + "bbox_max_lat, boundary_hectares, buffer_rate) = (" + DESIGN_PARAMS + ") where id = :id")
                .params(designParams(p)).param("id", p.id()).update();
    }

    void openDisclosure(UUID id, Project.Disclosure window) {
        jdbc.sql("update project set status = 'PUBLIC_DISCLOSURE', disclosure_opens = :opens, "
                + "disclosure_closes = :closes, disclosure_note = :note, disclosure_ends_at = :endsAt where id = :id")
                .param("opens", Date.valueOf(window.opens())).param("closes", Date.valueOf(window.closes()))
                .param("note", window.note())
                .param("endsAt", window.endsAt() == null ? null : Timestamp.from(window.endsAt()))
                .param("id", id).update();
    }

    void changeStatus(UUID id, Project.Status status) {
        jdbc.sql("update project set status = :status where id = :id").param("status", status.name())
                .param("id", id).update();
    }

    void apply(UUID id, Instant at, Project.Deadline decisionDue) {
        jdbc.sql("update project set status = 'REGISTRATION_APPLIED', applied_at = :at, decision_due = :due, "
                + "decision_note = :note where id = :id")
                .param("at", Timestamp.from(at)).param("due", Date.valueOf(decisionDue.due()))
                .param("note", decisionDue.note()).param("id", id).update();
    }

    void decide(UUID id, Project.Status status, Instant at, UUID by, String rejectionReason) {
        jdbc.sql("update project set status = :status, decided_at = :at, decided_by = :by, rejection_reason = :reason "
                + "where id = :id")
                .param("status", status.name()).param("at", Timestamp.from(at)).param("by", by)
                .param("reason", rejectionReason).param("id", id).update();
    }

    /** A suspension, resumption, cancellation or revocation, with who did it and why. */
    void changeState(UUID id, Project.Status status, Instant at, UUID by, String reason) {
        jdbc.sql("update project set status = :status, state_changed_at = :at, state_changed_by = :by, "
                + "state_reason = :reason where id = :id")
                .param("status", status.name()).param("at", Timestamp.from(at)).param("by", by)
                .param("reason", reason).param("id", id).update();
    }

    public Optional<Project> find(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from project where id = :id").param("id", id).query(Projects::map)
                .optional();
    }

    public Project get(UUID id) {
        return find(id).orElseThrow(() -> ProblemException.notFound("project", id));
    }

    /** Locks the project row for a change of state, so two changes cannot interleave. */
    Project lock(UUID id) {
        return jdbc.sql("select " + COLUMNS + " from project where id = :id for update").param("id", id)
                .query(Projects::map).optional().orElseThrow(() -> ProblemException.notFound("project", id));
    }

    /** Projects after the code {@code afterCode} (null: from the first), in code order, at most {@code limit}. */
    /** One page in code order after {@code afterCode}; each filter that is not null narrows it. */
    public List<Project> list(ProjectFilter filter, String afterCode, int limit) {
        return jdbc.sql("select " + COLUMNS + " from project where (cast(:status as text) is null or status = :status) "
                + "and (cast(:owner as uuid) is null or owner_id = :owner) "
                + "and (cast(:ecosystem as text) is null or ecosystem_type = :ecosystem) "
                + "and (cast(:province as text) is null or province = :province) "
                + "and (cast(:methodology as text) is null or methodology_code = :methodology) "
                + "and (cast(:after as text) is null or code > :after) order by code limit :limit")
                .param("status", filter.status() == null ? null : filter.status().name())
                .param("owner", filter.ownerId())
                .param("ecosystem", filter.ecosystemType() == null ? null : filter.ecosystemType().name())
                .param("province", filter.province()).param("methodology", filter.methodologyCode())
                .param("after", afterCode).param("limit", limit).query(Projects::map).list();
    }

    /** The projects among {@code ids}, in code order; ids of no project are left out. */
    public List<Project> withIds(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from project where id in (:ids) order by code").param("ids", ids)
                .query(Projects::map).list();
    }

    /**
     * Projects whose boundary's bounding box meets {@code box} (longitudes and latitudes), in code
     * order, at most {@code limit} (GiST index project_land).
     */
    public List<Project> withLandIn(Envelope box, int limit) {
        return jdbc.sql("select " + COLUMNS + " from project where "
                + "box(point(bbox_min_lon, bbox_min_lat), point(bbox_max_lon, bbox_max_lat)) "
                + "&& box(point(:minLon, :minLat), point(:maxLon, :maxLat)) order by code limit :limit")
                .param("minLon", box.getMinX()).param("minLat", box.getMinY())
                .param("maxLon", box.getMaxX()).param("maxLat", box.getMaxY()).param("limit", limit)
                .query(Projects::map).list();
    }

    /** Applications whose decision deadline passed before {@code today}, oldest deadline first. */
    public List<Project> overdue(LocalDate today, String afterCode, int limit) {
        return jdbc.sql("select " + COLUMNS + " from project where status = 'REGISTRATION_APPLIED' "
                + "and decision_due < :today and (cast(:after as text) is null or code > :after) "
                + "order by code limit :limit")
                .param("today", Date.valueOf(today)).param("after", afterCode).param("limit", limit)
                .query(Projects::map).list();
    }

    /** Disclosures that have ended: their last day is before {@code today}, or a shortened one's end has passed. */
    List<UUID> disclosuresOver(LocalDate today, Instant now) {
        return jdbc.sql("select id from project where status = 'PUBLIC_DISCLOSURE' and (disclosure_ends_at <= :now "
                + "or (disclosure_ends_at is null and disclosure_closes < :today))")
                .param("today", Date.valueOf(today)).param("now", Timestamp.from(now)).query(UUID.class).list();
    }

    /** Other projects claiming land whose bounding box meets {@code box} (GiST index project_land_claims). */
    List<Project> claimingLandNear(Envelope box, UUID except) {
        return jdbc.sql("select " + COLUMNS + " from project where status in (:claiming) and id <> :except "
                + "and box(point(bbox_min_lon, bbox_min_lat), point(bbox_max_lon, bbox_max_lat)) "
                + "&& box(point(:minLon, :minLat), point(:maxLon, :maxLat)) order by code")
                .param("claiming", CLAIMING_LAND).param("except", except)
                .param("minLon", box.getMinX()).param("minLat", box.getMinY())
                .param("maxLon", box.getMaxX()).param("maxLat", box.getMaxY())
                .query(Projects::map).list();
    }

    /**
     * Serialises land checks: entering disclosure and registering take this transaction lock first,
     * so two overlapping projects cannot both pass the check before either commits.
     */
    void lockLandRegister() {
        jdbc.sql("select pg_advisory_xact_lock(7301001)").query(Object.class).list();
    }

    private static Project map(ResultSet rs, int row) throws SQLException {
        ProjectDesign design = new ProjectDesign(rs.getString("name"), rs.getString("methodology_code"),
                rs.getString("methodology_version"), EcosystemType.valueOf(rs.getString("ecosystem_type")),
                rs.getString("province"), rs.getString("county"), rs.getBigDecimal("area_hectares"),
                date(rs, "construction_start"), date(rs, "crediting_period_start"), date(rs, "crediting_period_end"),
                rs.getObject("validator_id", UUID.class),
                new RiskRating(rs.getBigDecimal("internal_risk"), rs.getBigDecimal("external_risk"),
                        rs.getBigDecimal("natural_risk")),
                rs.getBytes("boundary_wkb") == null ? null : Boundary.fromWkb(rs.getBytes("boundary_wkb")));
        LocalDate opens = date(rs, "disclosure_opens");
        LocalDate due = date(rs, "decision_due");
        return new Project(rs.getObject("id", UUID.class), rs.getString("code"), rs.getObject("owner_id", UUID.class),
                design, rs.getBigDecimal("buffer_rate"), Project.Status.valueOf(rs.getString("status")),
                instant(rs, "drafted_at"),
                opens == null ? null : new Project.Disclosure(opens, date(rs, "disclosure_closes"),
                        rs.getString("disclosure_note"), instant(rs, "disclosure_ends_at")),
                instant(rs, "applied_at"), due == null ? null : new Project.Deadline(due, rs.getString("decision_note")),
                instant(rs, "decided_at"), rs.getObject("decided_by", UUID.class), rs.getString("rejection_reason"),
                instant(rs, "state_changed_at"), rs.getObject("state_changed_by", UUID.class),
                rs.getString("state_reason"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date date = rs.getDate(column);
        return date == null ? null : date.toLocalDate();
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp at = rs.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
