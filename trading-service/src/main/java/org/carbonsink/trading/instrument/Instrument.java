package org.carbonsink.trading.instrument;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * Credits of one project and vintage, e.g. {@code P000001-2025}. {@code issuedQuantity} is what the
 * registry reported as issued, for information: it is not what is offered for sale. The exchange
 * operator may halt its trading, and sets the reference price (null: none) around which limit prices
 * must stay, within ± {@code bandBasisPoints} (1000 = ±10%, the continuous market's band).
 */
public record Instrument(String id, UUID projectId, String projectCode, int vintage, long issuedQuantity,
        Instant listedAt, boolean halted, BigDecimal referencePrice, int bandBasisPoints) {

    /** The band of the continuous market unless the operator sets another: ±10%. */
    public static final int CONTINUOUS_BAND_BASIS_POINTS = 1000;

    public static String idOf(String projectCode, int vintage) {
        return projectCode + "-" + vintage;
    }
}
