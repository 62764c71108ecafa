package org.carbonsink.registry.project.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The validator's finding: positive or negative, a summary, and where the full report is published. */
record ValidationReportRequest(@NotNull Boolean positive, @NotBlank @Size(max = 4000) String summary,
        @Size(max = 500) @Pattern(regexp = "https?://\\S+", message = "must be an http(s) URL") String documentUrl) {
}
