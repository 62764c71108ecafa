package org.carbonsink.registry.project.web;

import java.time.LocalDate;
import org.carbonsink.registry.project.Project;

/** The registry's decision deadline; {@code overdue} while an application is undecided after it. */
record DeadlineView(LocalDate due, boolean overdue, String note) {

    static DeadlineView of(Project.Deadline d, Project.Status status, LocalDate today) {
        return d == null ? null : new DeadlineView(d.due(),
                status == Project.Status.REGISTRATION_APPLIED && today.isAfter(d.due()),
                DisclosureView.blankToNull(d.note()));
    }
}
