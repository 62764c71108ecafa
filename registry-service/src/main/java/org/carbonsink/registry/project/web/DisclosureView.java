package org.carbonsink.registry.project.web;

import java.time.LocalDate;
import org.carbonsink.registry.project.Project;

/**
 * The public disclosure window, first and last day inclusive; {@code open} whether comments are
 * taken today; {@code note} says when a year of the window had no holiday notice (weekends only).
 */
record DisclosureView(LocalDate opens, LocalDate closes, boolean open, String note) {

    static DisclosureView of(Project.Disclosure d, Project.Status status, LocalDate today) {
        boolean open = status == Project.Status.PUBLIC_DISCLOSURE && !today.isBefore(d.opens())
                && !today.isAfter(d.closes());
        return new DisclosureView(d.opens(), d.closes(), open, blankToNull(d.note()));
    }

    static String blankToNull(String note) {
        return note == null || note.isBlank() ? null : note;
    }
}
