package org.carbonsink.trading.instrument;

import java.time.Instant;
import java.util.UUID;

/**
 * Credits of one project and vintage, e.g. {@code P000001-2025}. {@code issuedQuantity} is what the
 * registry reported as issued, for information: it is not what is offered for sale.
 */
public record Instrument(String id, UUID projectId, String projectCode, int vintage, long issuedQuantity,
        Instant listedAt) {

    public static String idOf(String projectCode, int vintage) {
        return projectCode + "-" + vintage;
    }
}
