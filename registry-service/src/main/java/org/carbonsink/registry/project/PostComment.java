package org.carbonsink.registry.project;

import java.util.UUID;

/**
 * A member of the public comments on a disclosed project. {@code author} is optional;
 * {@code clientAddress} is where the request came from, only used to limit how often one address
 * comments.
 */
public record PostComment(UUID projectId, String author, String body, String clientAddress) {
}
