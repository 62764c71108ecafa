package org.carbonsink.trading.instrument.web;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.carbonsink.trading.instrument.Instrument;
import org.carbonsink.trading.instrument.PriceLimits;

/**
 * An instrument and the rules its market runs under now: halted or not, and the price band, with the
 * band's reference in effect and its bounds (what a {@code price-outside-band} refusal would name).
 */
public record InstrumentView(String id, UUID projectId, String projectCode, int vintage, long issuedQuantity,
        Instant listedAt, boolean halted,
        @Schema(description = "the operator's reference price; null when the operator set none (see"
                + " effectiveReferencePrice)") BigDecimal referencePrice,
        int bandBasisPoints,
        @Schema(description = "the reference the continuous market's band is centred on now: the operator's, else"
                + " the previous session's close; null before the first trade of an earlier session")
        BigDecimal effectiveReferencePrice,
        @Schema(description = "where effectiveReferencePrice comes from: OPERATOR or PREVIOUS_CLOSE",
                allowableValues = { "OPERATOR", "PREVIOUS_CLOSE" }) String referenceSource,
        @Schema(description = "the lowest limit price accepted now: ceil(reference × (10000 − bandBasisPoints) ÷"
                + " 10000) to the fen; null without a band") BigDecimal lowerBand,
        @Schema(description = "the highest limit price accepted now: floor(reference × (10000 + bandBasisPoints) ÷"
                + " 10000) to the fen; null without a band") BigDecimal upperBand) {

    public static InstrumentView of(Instrument i, PriceLimits limits) {
        return new InstrumentView(i.id(), i.projectId(), i.projectCode(), i.vintage(), i.issuedQuantity(), i.listedAt(),
                i.halted(), i.referencePrice(), i.bandBasisPoints(), limits.referencePrice(), limits.referenceSource(),
                limits.lowerBand(), limits.upperBand());
    }
}
