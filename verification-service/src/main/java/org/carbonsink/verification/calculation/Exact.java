package org.carbonsink.verification.calculation;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * An exact rational number, numerator over a positive denominator in lowest terms. The removal
 * calculation runs in these from the inputs to the floor of the credits, so nothing is rounded before
 * the floor: the divisions by 12 (44/12), by a plot's area, by the number of plots and by 20 years
 * stay exact. Only {@link #decimal(int)} rounds, for display.
 */
public record Exact(BigInteger numerator, BigInteger denominator) implements Comparable<Exact> {

    public static final Exact ZERO = new Exact(BigInteger.ZERO, BigInteger.ONE);
    public static final Exact ONE = new Exact(BigInteger.ONE, BigInteger.ONE);

    public Exact {
        Objects.requireNonNull(numerator, "numerator");
        Objects.requireNonNull(denominator, "denominator");
        if (denominator.signum() == 0) {
            throw new ArithmeticException("denominator is zero");
        }
        if (denominator.signum() < 0) {
            numerator = numerator.negate();
            denominator = denominator.negate();
        }
        BigInteger gcd = numerator.gcd(denominator);
        if (!gcd.equals(BigInteger.ONE) && gcd.signum() != 0) {
            numerator = numerator.divide(gcd);
            denominator = denominator.divide(gcd);
        }
        if (numerator.signum() == 0) {
            denominator = BigInteger.ONE;
        }
    }

    public static Exact of(BigDecimal value) {
        Objects.requireNonNull(value, "value");
        return value.scale() <= 0 ? new Exact(value.toBigIntegerExact(), BigInteger.ONE)
                : new Exact(value.unscaledValue(), BigInteger.TEN.pow(value.scale()));
    }

    public static Exact of(long value) {
        return new Exact(BigInteger.valueOf(value), BigInteger.ONE);
    }

    public static Exact of(String decimal) {
        return of(new BigDecimal(decimal));
    }

    public static Exact ratio(long numerator, long denominator) {
        return new Exact(BigInteger.valueOf(numerator), BigInteger.valueOf(denominator));
    }

    public Exact plus(Exact other) {
        return new Exact(numerator.multiply(other.denominator).add(other.numerator.multiply(denominator)),
                denominator.multiply(other.denominator));
    }

    public Exact minus(Exact other) {
        return plus(other.negate());
    }

    public Exact times(Exact other) {
        return new Exact(numerator.multiply(other.numerator), denominator.multiply(other.denominator));
    }

    public Exact dividedBy(Exact other) {
        if (other.signum() == 0) {
            throw new ArithmeticException("division by zero");
        }
        return new Exact(numerator.multiply(other.denominator), denominator.multiply(other.numerator));
    }

    public Exact negate() {
        return new Exact(numerator.negate(), denominator);
    }

    public int signum() {
        return numerator.signum();
    }

    /** The largest integer not above this value. */
    public BigInteger floor() {
        BigInteger[] qr = numerator.divideAndRemainder(denominator);
        return qr[1].signum() < 0 ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    /** The smallest integer not below this value. */
    public BigInteger ceiling() {
        return floor().add(isInteger() ? BigInteger.ZERO : BigInteger.ONE);
    }

    public boolean isInteger() {
        return denominator.equals(BigInteger.ONE);
    }

    /** This value to {@code scale} decimals, rounded half-even: for display, never for credits. */
    public BigDecimal decimal(int scale) {
        return new BigDecimal(numerator).divide(new BigDecimal(denominator), scale, RoundingMode.HALF_EVEN);
    }

    @Override
    public int compareTo(Exact other) {
        return numerator.multiply(other.denominator).compareTo(other.numerator.multiply(denominator));
    }

    public boolean isGreaterThan(Exact other) {
        return compareTo(other) > 0;
    }

    @Override
    public String toString() {
        return isInteger() ? numerator.toString() : numerator + "/" + denominator;
    }
}
