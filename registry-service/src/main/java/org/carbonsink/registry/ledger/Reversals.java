package org.carbonsink.registry.ledger;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class Reversals {

    private static final String SELECT = "select r.id, r.project_id, p.code as project_code, r.loss_date, r.cause, "
            + "r.loss_credits, r.buffer_cancelled, r.made_good_credits, r.made_good_at, r.recorded_by, r.recorded_at, r.report_id "
            + "from reversal r join project p on p.id = r.project_id ";

    private final JdbcClient jdbc;

    Reversals(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(Reversal r) {
        jdbc.sql("insert into reversal (id, project_id, loss_date, cause, loss_credits, buffer_cancelled, recorded_by, "
                + "recorded_at, report_id) values (:id, :project, :lossDate, :cause, :loss, :buffer, :by, :at, :report)")
                .param("id", r.id()).param("project", r.projectId()).param("lossDate", Date.valueOf(r.lossDate()))
                .param("cause", r.cause()).param("loss", r.lossCredits()).param("buffer", r.bufferCancelled())
                .param("by", r.recordedBy()).param("at", Timestamp.from(r.recordedAt())).param("report", r.reportId())
                .update();
    }

    public Optional<Reversal> find(UUID id) {
        return jdbc.sql(SELECT + "where r.id = :id").param("id", id).query(Reversals::map).optional();
    }

    /** The reversal recorded for the loss of a verified monitoring report. */
    public Optional<Reversal> ofReport(UUID reportId) {
        return jdbc.sql(SELECT + "where r.report_id = :report").param("report", reportId).query(Reversals::map)
                .optional();
    }

    /** The project's reversals not yet made good, oldest first. */
    List<Reversal> open(UUID projectId) {
        return jdbc.sql(SELECT + "where r.project_id = :project and r.made_good_at is null order by r.recorded_at, r.id")
                .param("project", projectId).query(Reversals::map).list();
    }

    /** Counts {@code credits} of a later verified report towards the loss; answers whether it is now made good. */
    boolean makeGood(UUID reversalId, long credits, Instant at) {
        return jdbc.sql("update reversal set made_good_credits = made_good_credits + :c, made_good_at = case when "
                + "made_good_credits + :c >= loss_credits then cast(:at as timestamptz) end where id = :id "
                + "returning made_good_at is not null").param("c", credits).param("at", Timestamp.from(at))
                .param("id", reversalId).query(Boolean.class).single();
    }

    /** Records a report withheld to make a loss good; false when it was recorded before. */
    boolean withhold(UUID reportId, UUID projectId, long credits, Instant at) {
        return jdbc.sql("insert into reversal_make_good (report_id, project_id, credits, recorded_at) "
                + "values (:report, :project, :credits, :at) on conflict do nothing")
                .param("report", reportId).param("project", projectId).param("credits", credits)
                .param("at", Timestamp.from(at)).update() == 1;
    }

    /** One page after {@code after}, oldest first; {@code projectId} narrows it. */
    public List<Reversal> list(UUID projectId, Keyset after, int limit) {
        return jdbc.sql(SELECT + "where (cast(:project as uuid) is null or r.project_id = :project) "
                + "and (r.recorded_at, r.id) > (:at, :id) order by r.recorded_at, r.id limit :limit")
                .param("project", projectId).param("at", Timestamp.from(after.at())).param("id", after.id())
                .param("limit", limit).query(Reversals::map).list();
    }

    private static Reversal map(ResultSet rs, int row) throws SQLException {
        Timestamp madeGood = rs.getTimestamp("made_good_at");
        return new Reversal(rs.getObject("id", UUID.class), rs.getObject("project_id", UUID.class),
                rs.getString("project_code"), rs.getDate("loss_date").toLocalDate(), rs.getString("cause"),
                rs.getLong("loss_credits"), rs.getLong("buffer_cancelled"), rs.getLong("made_good_credits"),
                madeGood == null ? null : madeGood.toInstant(), rs.getObject("recorded_by", UUID.class),
                rs.getTimestamp("recorded_at").toInstant(), rs.getObject("report_id", UUID.class));
    }
}
