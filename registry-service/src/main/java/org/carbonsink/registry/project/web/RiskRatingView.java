package org.carbonsink.registry.project.web;

import java.math.BigDecimal;
import org.carbonsink.registry.project.RiskRating;

/** The risk scores and their sum, the rating, in percentage points. */
record RiskRatingView(BigDecimal internal, BigDecimal external, BigDecimal natural, BigDecimal rating) {

    static RiskRatingView of(RiskRating r) {
        return r.internal() == null ? null : new RiskRatingView(r.internal(), r.external(), r.natural(), r.total());
    }
}
