package org.carbonsink.registry.project;

import java.sql.Timestamp;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class ValidationReports {

    private final JdbcClient jdbc;

    ValidationReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void add(ValidationReport r) {
        jdbc.sql("insert into validation_report (project_id, validator_id, positive, summary, document_url, filed_at) "
                + "values (:project, :validator, :positive, :summary, :url, :at)")
                .param("project", r.projectId()).param("validator", r.validatorId()).param("positive", r.positive())
                .param("summary", r.summary()).param("url", r.documentUrl()).param("at", Timestamp.from(r.filedAt()))
                .update();
    }

    public Optional<ValidationReport> of(UUID projectId) {
        return jdbc.sql("select project_id, validator_id, positive, summary, document_url, filed_at "
                + "from validation_report where project_id = :project").param("project", projectId)
                .query((rs, row) -> new ValidationReport(rs.getObject("project_id", UUID.class),
                        rs.getObject("validator_id", UUID.class), rs.getBoolean("positive"), rs.getString("summary"),
                        rs.getString("document_url"), rs.getTimestamp("filed_at").toInstant()))
                .optional();
    }
}
