package org.carbonsink.registry.project.web;

/** A revoked project and how many of its unretired credits were cancelled. */
record RevocationView(ProjectView project, long cancelledCredits) {
}
