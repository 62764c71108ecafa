package org.carbonsink.registry.project;

/** A revoked project, and how many of its unretired credits were cancelled. */
public record Revocation(Project project, long cancelledCredits) {
}
