package org.carbonsink.registry.project;

import java.time.Instant;
import java.util.UUID;

/** A public comment on a project during its disclosure. */
public record Comment(UUID id, UUID projectId, String author, String body, Instant postedAt) {
}
