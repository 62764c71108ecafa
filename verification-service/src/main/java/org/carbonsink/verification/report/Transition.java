package org.carbonsink.verification.report;

import java.time.Instant;
import java.util.UUID;

/**
 * One move of a report, with who made it (null and role REGISTRY for the registry's issuance) and
 * when; {@code version} is the report version it concerns; {@code comment} the findings or note.
 */
public record Transition(ReportStatus from, ReportStatus to, int version, UUID actor, String actorRole, Instant at,
        String comment) {
}
