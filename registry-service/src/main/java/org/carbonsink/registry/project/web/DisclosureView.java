package org.carbonsink.registry.project.web;

import java.time.Instant;
import java.time.LocalDate;
import org.carbonsink.registry.project.Project;

/**
 * The public disclosure window, first and last day inclusive; {@code open} whether comments are
 * taken today; {@code note} says when a year of the window had no holiday notice (weekends only).
 */
record DisclosureView(LocalDate opens, LocalDate closes, boolean open, String note, Instant endsAt) {

    static DisclosureView of(Project.Disclosure d, Project.Status status, LocalDate today, Instant now) {
        boolean open = status == Project.Status.PUBLIC_DISCLOSURE && d.open(today, now);
        return new DisclosureView(d.opens(), d.closes(), open, blankToNull(d.note()), d.endsAt());
    }

    static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note;
    }
}
