package org.carbonsink.registry.project;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.methodology.Methodology;
import org.carbonsink.support.web.ProblemException;
import org.junit.jupiter.api.Test;

class EligibilityTest {

    private static final BigDecimal MAX_RISK = new BigDecimal("60");
    private static final Methodology AFFORESTATION = methodology(Methodology.Status.ACTIVE);
    private static final Boundary PARCEL = Boundary.fromGeoJson("Polygon", List.of(List.of(List.of(106.0, 26.0),
            List.of(106.01, 26.0), List.of(106.01, 26.01), List.of(106.0, 26.01), List.of(106.0, 26.0))));

    @Test
    void admitsAnEligibleDesign() {
        assertThatCode(() -> Eligibility.check(design(LocalDate.of(2012, 11, 9), LocalDate.of(2021, 1, 1),
                LocalDate.of(2040, 12, 31), "FOREST", 10), AFFORESTATION, MAX_RISK)).doesNotThrowAnyException();
    }

    @Test
    void constructionMustHaveStartedAfterTheEighthOfNovember2012() {
        assertRefused(design(LocalDate.of(2012, 11, 8), LocalDate.of(2021, 1, 1), LocalDate.of(2040, 12, 31), "FOREST",
                10), AFFORESTATION, "construction-before-cutoff");
    }

    @Test
    void theMethodologyMustBePublishedInTheNamedVersionAndCoverTheEcosystem() {
        ProjectDesign forest = design(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1), LocalDate.of(2040, 12, 31),
                "FOREST", 10);
        assertRefused(forest, methodology(Methodology.Status.DRAFT), "methodology-not-published");
        assertRefused(forest, methodology(Methodology.Status.WITHDRAWN), "methodology-not-published");
        assertThatCode(() -> Eligibility.check(forest, methodology(Methodology.Status.PILOT), MAX_RISK))
                .doesNotThrowAnyException();
        assertRefused(design(LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1), LocalDate.of(2040, 12, 31), "WETLAND",
                10), AFFORESTATION, "ecosystem-not-covered");
        ProjectDesign v02 = new ProjectDesign("n", "CCER-14-001-V01", "V02", EcosystemType.FOREST, "p", "c",
                BigDecimal.TEN, LocalDate.of(2020, 1, 1), LocalDate.of(2021, 1, 1), LocalDate.of(2040, 12, 31),
                UUID.randomUUID(), risk(10), PARCEL);
        assertRefused(v02, AFFORESTATION, "methodology-version");
    }

    @Test
    void theCreditingPeriodStartsNoEarlierThanTheConstruction() {
        assertRefused(design(LocalDate.of(2021, 3, 1), LocalDate.of(2021, 2, 28), LocalDate.of(2041, 2, 27), "FOREST",
                10), AFFORESTATION, "crediting-period-before-project-start");
        assertThatCode(() -> Eligibility.check(design(LocalDate.of(2021, 3, 1), LocalDate.of(2021, 3, 1),
                LocalDate.of(2041, 2, 28), "FOREST", 10), AFFORESTATION, MAX_RISK)).doesNotThrowAnyException();
    }

    /** 20 to 40 years, the end date inclusive: 2021-01-01..2040-12-31 is exactly 20 years. */
    @Test
    void theCreditingPeriodLastsWithinTheMethodologysBounds() {
        LocalDate start = LocalDate.of(2021, 1, 1);
        assertThatCode(() -> Eligibility.check(design(LocalDate.of(2020, 1, 1), start, LocalDate.of(2060, 12, 31),
                "FOREST", 10), AFFORESTATION, MAX_RISK)).doesNotThrowAnyException();
        assertRefused(design(LocalDate.of(2020, 1, 1), start, LocalDate.of(2040, 12, 30), "FOREST", 10), AFFORESTATION,
                "crediting-period-bounds");
        assertRefused(design(LocalDate.of(2020, 1, 1), start, LocalDate.of(2061, 1, 1), "FOREST", 10), AFFORESTATION,
                "crediting-period-bounds");
        assertRefused(design(LocalDate.of(2020, 1, 1), start, LocalDate.of(2020, 12, 30), "FOREST", 10), AFFORESTATION,
                "crediting-period-order");
    }

    @Test
    void aRiskRatingAbove60IsNotEligible() {
        LocalDate start = LocalDate.of(2021, 1, 1);
        assertThatCode(() -> Eligibility.check(design(LocalDate.of(2020, 1, 1), start, LocalDate.of(2050, 12, 31),
                "FOREST", 60), AFFORESTATION, MAX_RISK)).doesNotThrowAnyException();
        assertRefused(design(LocalDate.of(2020, 1, 1), start, LocalDate.of(2050, 12, 31), "FOREST", 61), AFFORESTATION,
                "risk-rating-too-high");
    }

    private static void assertRefused(ProjectDesign design, Methodology methodology, String rule) {
        assertThatThrownBy(() -> Eligibility.check(design, methodology, MAX_RISK))
                .isInstanceOfSatisfying(ProblemException.class, p -> org.assertj.core.api.Assertions
                        .assertThat(p.slug()).isEqualTo(rule));
    }

    private static RiskRating risk(int total) {
        return new RiskRating(BigDecimal.valueOf(total), BigDecimal.ZERO, BigDecimal.ZERO);
    }

    private static ProjectDesign design(LocalDate construction, LocalDate start, LocalDate end, String ecosystem,
            int risk) {
        return new ProjectDesign("Fir afforestation", "CCER-14-001-V01", "V01", EcosystemType.valueOf(ecosystem),
                "Guizhou", "Liping", new BigDecimal("100"), construction, start, end, UUID.randomUUID(), risk(risk),
                PARCEL);
    }

    private static Methodology methodology(Methodology.Status status) {
        return new Methodology("CCER-14-001-V01", "V01", "Afforestation", "造林碳汇", "14", List.of("FOREST", "SHRUBLAND"),
                status, 20, 40, new BigDecimal("0.1000"), "FOREST_STOCK_DIFFERENCE", new BigDecimal("0.0100"), "test");
    }
}
