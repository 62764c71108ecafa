package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A stem volume equation of the combined-variable form V = b0 + b1 · D² · H (Spurr 1952), with V in m³,
 * D the diameter at breast height in cm and H the tree height in m. The form is chosen because it is
 * exact in rationals: an equation with fractional exponents (V = a · D^b · H^c) would have irrational
 * values and could not be recomputed to the tonne.
 */
public record VolumeEquation(String code, BigDecimal b0, BigDecimal b1, String source) {

    public VolumeEquation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(b0, "b0");
        Objects.requireNonNull(b1, "b1");
        Objects.requireNonNull(source, "source");
    }

    /** The stem volume of one tree, m³, exact; never negative (a tiny tree does not remove stem volume). */
    public Exact volume(BigDecimal dbhCm, BigDecimal heightM) {
        Exact d = Exact.of(dbhCm);
        Exact v = Exact.of(b0).plus(Exact.of(b1).times(d).times(d).times(Exact.of(heightM)));
        return v.signum() < 0 ? Exact.ZERO : v;
    }
}
