package org.carbonsink.trading.instrument;

import java.util.UUID;

/** The registry issued {@code quantity} credits of a project and vintage. */
public record ListCredits(UUID projectId, String projectCode, int vintage, long quantity) {
}
