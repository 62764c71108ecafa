package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The deduction for a report's relative uncertainty at 90% confidence: the band with the smallest
 * upper bound at or above it. Above the highest band a report is not accepted: more sample plots are
 * needed.
 */
public final class UncertaintyDeduction {

    private static final Exact HUNDRED = Exact.of(100);

    private final List<UncertaintyBand> bands;

    public UncertaintyDeduction(List<UncertaintyBand> bands) {
        this.bands = bands.stream().sorted(Comparator.comparing(UncertaintyBand::upperPercent)).toList();
    }

    /** The deduction rate, or empty when the uncertainty is too high to accept the report. */
    public Optional<BigDecimal> rateFor(BigDecimal relativeUncertaintyPercent) {
        if (relativeUncertaintyPercent.signum() < 0) {
            throw new IllegalArgumentException("uncertainty must not be negative: " + relativeUncertaintyPercent);
        }
        Exact fraction = Exact.of(relativeUncertaintyPercent).dividedBy(HUNDRED);
        return rateForSquared(fraction.times(fraction));
    }

    /**
     * The deduction rate for a relative uncertainty given by its square (as a fraction, not percent):
     * plot statistics give U² exactly, while U itself needs a square root; comparing squares keeps the
     * choice of band exact.
     */
    public Optional<BigDecimal> rateForSquared(Exact squaredFraction) {
        return bands.stream().filter(band -> {
            Exact upper = Exact.of(band.upperPercent()).dividedBy(HUNDRED);
            return squaredFraction.compareTo(upper.times(upper)) <= 0;
        }).findFirst().map(UncertaintyBand::deductionRate);
    }

    /** The highest uncertainty accepted, in percent; none when there are no bands. */
    public Optional<BigDecimal> maximumPercent() {
        return bands.isEmpty() ? Optional.empty() : Optional.of(bands.get(bands.size() - 1).upperPercent());
    }

    public List<UncertaintyBand> bands() {
        return bands;
    }
}
