package org.carbonsink.contracts;

import java.time.Instant;
import java.util.UUID;

/**
 * A registered project changed state after registration: {@code state} is the new state
 * ({@code REGISTERED}, {@code SUSPENDED}, {@code CANCELLED} or {@code REVOKED}).
 * {@code issuanceBlocked} is true while a recorded reversal has not been made good by a later
 * verified report (the registry withholds the credits of reports verified meanwhile), or while the
 * project is not REGISTERED. Verification refuses reports of a project that is not REGISTERED, but
 * verifies those of a REGISTERED project whose issuance a reversal blocks: a verified report is what
 * makes the loss good. {@code reason} says why, in the administrator's or owner's words.
 */
public record ProjectStateChanged(
        UUID eventId,
        Instant occurredAt,
        UUID projectId,
        String state,
        boolean issuanceBlocked,
        String reason) {
}
