package org.carbonsink.registry.project.web;

import java.time.Instant;
import java.util.UUID;
import org.carbonsink.registry.project.ValidationReport;

record ValidationReportView(UUID validatorId, boolean positive, String summary, String documentUrl, Instant filedAt) {

    static ValidationReportView of(ValidationReport r) {
        return new ValidationReportView(r.validatorId(), r.positive(), r.summary(), r.documentUrl(), r.filedAt());
    }
}
