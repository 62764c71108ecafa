package org.carbonsink.registry.project.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.carbonsink.registry.project.EcosystemType;
import org.carbonsink.registry.project.Project;

/** One line of the public project list (JSON or CSV): flat, without the boundary. */
record ProjectSummaryView(UUID id, String code, String name, UUID ownerId, String methodologyCode,
        EcosystemType ecosystemType, String province, String county, BigDecimal areaHectares, BigDecimal bufferRate,
        Project.Status status, LocalDate disclosureOpens, LocalDate disclosureCloses, LocalDate decisionDue,
        String calendarNote) {

    static ProjectSummaryView of(Project p) {
        String note = p.decisionDue() != null && DisclosureView.blankToNull(p.decisionDue().note()) != null
                ? p.decisionDue().note() : p.disclosure() != null ? p.disclosure().note() : null;
        return new ProjectSummaryView(p.id(), p.code(), p.name(), p.ownerId(), p.methodologyCode(),
                p.design().ecosystemType(), p.design().province(), p.design().county(), p.design().areaHectares(),
                p.bufferRate(), p.status(), p.disclosure() == null ? null : p.disclosure().opens(),
                p.disclosure() == null ? null : p.disclosure().closes(),
                p.decisionDue() == null ? null : p.decisionDue().due(), DisclosureView.blankToNull(note));
    }
}
