package org.carbonsink.registry.project.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why a project is rejected, suspended, resumed, cancelled or revoked. */
record ReasonRequest(@NotBlank @Size(max = 2000) String reason) {
}
