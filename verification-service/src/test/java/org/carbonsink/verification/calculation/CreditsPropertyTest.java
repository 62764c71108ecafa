package org.carbonsink.verification.calculation;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The service's credits against the formula of docs/domain.md evaluated here with plain BigInteger
 * fractions (not the service's {@link Exact}): credits = floor((Σ area · ΔV · SVD · BEF · (1 + R) ·
 * CF · 44/12 − baseline) · (1 − deduction)) on random inputs, including nets a hair under a whole tonne.
 */
class CreditsPropertyTest {

    /** A fraction of BigIntegers, not reduced: enough for products, sums and a floor. */
    record Fraction(BigInteger n, BigInteger d) {

        static Fraction of(BigDecimal v) {
            return v.scale() >= 0 ? new Fraction(v.unscaledValue(), BigInteger.TEN.pow(v.scale()))
                    : new Fraction(v.toBigIntegerExact(), BigInteger.ONE);
        }

        static Fraction of(long n, long d) {
            return new Fraction(BigInteger.valueOf(n), BigInteger.valueOf(d));
        }

        Fraction times(Fraction o) {
            return new Fraction(n.multiply(o.n), d.multiply(o.d));
        }

        Fraction plus(Fraction o) {
            return new Fraction(n.multiply(o.d).add(o.n.multiply(d)), d.multiply(o.d));
        }

        Fraction minus(Fraction o) {
            return plus(new Fraction(o.n.negate(), o.d));
        }

        BigInteger floor() {
            BigInteger[] qr = n.divideAndRemainder(d);
            return qr[1].signum() != 0 && (qr[1].signum() < 0) != (d.signum() < 0) ? qr[0].subtract(BigInteger.ONE) : qr[0];
        }

        int signum() {
            return n.signum() * d.signum();
        }
    }

    record Stand(BigDecimal area, BigDecimal start, BigDecimal end, SpeciesFactors factors) {

        Fraction removals() {
            SpeciesFactors f = factors;
            return Fraction.of(area).times(Fraction.of(end).minus(Fraction.of(start))).times(Fraction.of(f.woodDensity()))
                    .times(Fraction.of(f.expansionFactor())).times(Fraction.of(BigDecimal.ONE.add(f.rootShootRatio())))
                    .times(Fraction.of(f.carbonFraction())).times(Fraction.of(44, 12));
        }
    }

    @Property(tries = 500)
    void creditsAreTheFloorOfTheExactNet(@ForAll("stands") List<Stand> stands,
            @ForAll("decimals4") BigDecimal baseline, @ForAll @IntRange(min = 0, max = 3000) int uncertaintyHundredths) {
        BigDecimal uncertainty = BigDecimal.valueOf(uncertaintyHundredths, 2);
        CalculationResult result = RemovalCalculation.calculate(input(stands, baseline, uncertainty));

        Fraction gross = stands.stream().map(Stand::removals).reduce(Fraction.of(0, 1), Fraction::plus);
        Fraction net = gross.minus(Fraction.of(baseline));
        BigDecimal rate = uncertainty.compareTo(BigDecimal.TEN) <= 0 ? BigDecimal.ZERO
                : uncertainty.compareTo(BigDecimal.valueOf(20)) <= 0 ? new BigDecimal("0.06") : new BigDecimal("0.11");
        long expected = net.signum() <= 0 ? 0
                : net.times(Fraction.of(BigDecimal.ONE.subtract(rate))).floor().longValueExact();
        assertThat(result.credits()).isEqualTo(expected);
        assertThat(result.vintages().stream().mapToLong(Vintage::credits).sum()).isEqualTo(expected);
    }

    /** A baseline that leaves the net between 10⁻⁸ and 2·10⁻⁸ t under a whole tonne K: always K − 1 credits. */
    @Property(tries = 500)
    void aNetAHairUnderAWholeTonneGivesOneCreditLess(@ForAll("stands") List<Stand> stands,
            @ForAll @IntRange(min = 1, max = 1_000_000) int wanted) {
        stands = stands.stream().map(s -> s.start().compareTo(s.end()) <= 0 ? s
                : new Stand(s.area(), s.end(), s.start(), s.factors())).toList();
        Fraction gross = stands.stream().map(Stand::removals).reduce(Fraction.of(0, 1), Fraction::plus);
        Assume.that(gross.floor().signum() > 0);
        long k = Math.min(wanted, gross.floor().longValueExact());
        Fraction excess = gross.minus(Fraction.of(k, 1)).times(Fraction.of(100_000_000, 1));
        BigInteger ceiling = excess.floor().add(BigInteger.ONE);
        BigDecimal baseline = new BigDecimal(ceiling, 8).add(new BigDecimal("0.00000001"));

        CalculationResult result = RemovalCalculation.calculate(input(stands, baseline, BigDecimal.ONE));

        assertThat(result.credits()).isEqualTo(k - 1);
    }

    @Provide
    Arbitrary<List<Stand>> stands() {
        Arbitrary<BigDecimal> area = Arbitraries.longs().between(1, 100_000_0000L).map(v -> BigDecimal.valueOf(v, 4));
        Arbitrary<BigDecimal> volume = Arbitraries.longs().between(0, 1_000_0000L).map(v -> BigDecimal.valueOf(v, 4));
        Arbitrary<SpeciesFactors> factors = Combinators.combine(
                Arbitraries.integers().between(200, 900).map(v -> BigDecimal.valueOf(v, 3)),
                Arbitraries.integers().between(1000, 2500).map(v -> BigDecimal.valueOf(v, 3)),
                Arbitraries.integers().between(0, 600).map(v -> BigDecimal.valueOf(v, 3)),
                Arbitraries.integers().between(400, 560).map(v -> BigDecimal.valueOf(v, 3))).as(SpeciesFactors::new);
        return Combinators.combine(area, volume, volume, factors).as(Stand::new).list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<BigDecimal> decimals4() {
        return Arbitraries.longs().between(0, 10_000_000_0000L).map(v -> BigDecimal.valueOf(v, 4));
    }

    private static CalculationInput input(List<Stand> stands, BigDecimal baseline, BigDecimal uncertainty) {
        List<TreeStratum> strata = stands.stream().map(s -> new TreeStratum(Fixtures.forest("S", s.factors()), s.area(),
                new TreeStratum.StandVolumes(s.start(), s.end()))).toList();
        return new CalculationInput(CalculationMethod.FOREST_STOCK_DIFFERENCE, Fixtures.START, Fixtures.END, strata,
                List.of(), List.of(), baseline, BigDecimal.ZERO, BigDecimal.ZERO, uncertainty, Fixtures.BANDS,
                new BigDecimal("0.10"), null);
    }
}
