package org.carbonsink.registry.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.carbonsink.registry.methodology.Methodology;
import org.carbonsink.support.web.ProblemException;

/**
 * Whether a project design may be registered under its methodology. Each refusal is a 422 problem
 * whose type names the rule and whose {@code field} names the part of the design that breaks it.
 */
final class Eligibility {

    /** CCER: only projects whose construction started after 8 November 2012 (温室气体自愿减排交易管理办法（试行）, Art. 9). */
    static final LocalDate CONSTRUCTION_CUTOFF = LocalDate.of(2012, 11, 8);

    private Eligibility() {
    }

    /**
     * Refuses the design unless: the methodology is published (ACTIVE or PILOT) and of the version
     * the design names; it covers the design's ecosystem; construction started after the cut-off;
     * the crediting period starts on or after the construction start and lasts between the methodology's
     * bounds (whole years, end inclusive); the
     * risk rating is at most {@code maxRiskRating}.
     */
    static void check(ProjectDesign design, Methodology methodology, BigDecimal maxRiskRating) {
        if (!methodology.isPublished()) {
            throw refuse("methodology-not-published", "Methodology not published", "methodologyCode",
                    methodology.code() + " is " + methodology.status()
                            + "; projects apply only ACTIVE or PILOT methodologies");
        }
        if (!methodology.version().equals(design.methodologyVersion())) {
            throw refuse("methodology-version", "Methodology version not in the catalogue", "methodologyVersion",
                    methodology.code() + " is published as version " + methodology.version() + ", not "
                            + design.methodologyVersion());
        }
        if (!methodology.covers(design.ecosystemType().name())) {
            throw refuse("ecosystem-not-covered", "Methodology does not cover the ecosystem", "ecosystemType",
                    methodology.code() + " covers " + methodology.ecosystemTypes() + ", not " + design.ecosystemType());
        }
        if (!design.constructionStart().isAfter(CONSTRUCTION_CUTOFF)) {
            throw refuse("construction-before-cutoff", "Construction started too early", "constructionStart",
                    "construction started on " + design.constructionStart() + "; CCER admits projects whose construction "
                            + "started after " + CONSTRUCTION_CUTOFF);
        }
        checkCreditingPeriod(design, methodology);
        if (design.risk().total().compareTo(maxRiskRating) > 0) {
            throw refuse("risk-rating-too-high", "Non-permanence risk too high", "risk",
                    "the risk rating " + design.risk().total().stripTrailingZeros().toPlainString()
                            + " is above " + maxRiskRating.stripTrailingZeros().toPlainString()
                            + ": a project this exposed to reversal is not eligible (Verra AFOLU non-permanence risk tool)");
        }
    }

    private static void checkCreditingPeriod(ProjectDesign design, Methodology methodology) {
        LocalDate start = design.creditingPeriodStart();
        LocalDate endExclusive = design.creditingPeriodEnd().plusDays(1);
        if (!endExclusive.isAfter(start)) {
            throw refuse("crediting-period-order", "Crediting period ends before it starts", "creditingPeriodEnd",
                    "the crediting period ends on " + design.creditingPeriodEnd() + ", before it starts on " + start);
        }
        // removals are credited from the project's start on: there is nothing to credit before the work began
        if (start.isBefore(design.constructionStart())) {
            throw refuse("crediting-period-before-project-start", "Crediting period starts before the project",
                    "creditingPeriodStart", "the crediting period starts on " + start
                            + ", before construction started on " + design.constructionStart());
        }
        Integer min = methodology.creditingPeriodMinYears();
        Integer max = methodology.creditingPeriodMaxYears();
        boolean tooShort = min != null && endExclusive.isBefore(start.plusYears(min));
        boolean tooLong = max != null && endExclusive.isAfter(start.plusYears(max));
        if (tooShort || tooLong) {
            throw refuse("crediting-period-bounds", "Crediting period outside the methodology's bounds",
                    "creditingPeriodEnd", "the crediting period " + start + " to " + design.creditingPeriodEnd()
                            + " must last between " + min + " and " + max + " years under " + methodology.code())
                    .with("minYears", min).with("maxYears", max);
        }
    }

    private static ProblemException refuse(String slug, String title, String field, String detail) {
        return ProblemException.rule(slug, title, detail).with("field", field);
    }
}
