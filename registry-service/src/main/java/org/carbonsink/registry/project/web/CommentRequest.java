package org.carbonsink.registry.project.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A public comment; {@code author} is optional. The length the registry accepts is configured
 * ({@code carbonsink.projects.comment-max-length}); the bound here only stops absurd bodies early.
 */
record CommentRequest(@Size(max = 200) String author, @NotBlank @Size(max = 100_000) String body) {
}
