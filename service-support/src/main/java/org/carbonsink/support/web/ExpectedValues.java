package org.carbonsink.support.web;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * What a value of a request must be, said in the caller's terms rather than in Java's: a quantity sent
 * as {@code 1.5} or {@code "ten"} "must be a whole number", not "a valid Long"; one too large for its
 * type names the range it must be in.
 */
final class ExpectedValues {

    private record Range(long min, long max) {

        boolean contains(BigDecimal number) {
            return number.compareTo(BigDecimal.valueOf(min)) >= 0 && number.compareTo(BigDecimal.valueOf(max)) <= 0;
        }
    }

    private static final Map<Class<?>, Range> WHOLE_NUMBERS = Map.of(
            Long.class, new Range(Long.MIN_VALUE, Long.MAX_VALUE), long.class, new Range(Long.MIN_VALUE, Long.MAX_VALUE),
            Integer.class, new Range(Integer.MIN_VALUE, Integer.MAX_VALUE),
            int.class, new Range(Integer.MIN_VALUE, Integer.MAX_VALUE),
            Short.class, new Range(Short.MIN_VALUE, Short.MAX_VALUE), short.class, new Range(Short.MIN_VALUE, Short.MAX_VALUE),
            Byte.class, new Range(Byte.MIN_VALUE, Byte.MAX_VALUE), byte.class, new Range(Byte.MIN_VALUE, Byte.MAX_VALUE));

    private ExpectedValues() {
    }

    /** The rule a value given for {@code type} broke; {@code given} is what the caller sent, where known. */
    static String of(Class<?> type, Object given) {
        Range range = WHOLE_NUMBERS.get(type);
        if (range != null) {
            BigDecimal number = number(given);
            return number != null && !range.contains(number) ? outOfRange(type) : "must be a whole number";
        }
        if (type == BigInteger.class) {
            return "must be a whole number";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
                || type == float.class) {
            return "must be a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "must be true or false";
        }
        if (type.isEnum()) {
            // the caller can only correct a closed choice if it is told the choices
            return "must be one of " + java.util.Arrays.toString(type.getEnumConstants());
        }
        return "must be a valid " + type.getSimpleName();
    }

    /** The rule a number broke that does not fit {@code type}. */
    static String outOfRange(Class<?> type) {
        Range range = WHOLE_NUMBERS.get(type);
        return range == null ? of(type, null) : "must be a whole number from " + range.min() + " to " + range.max();
    }

    private static BigDecimal number(Object given) {
        if (given == null) {
            return null;
        }
        try {
            return new BigDecimal(given.toString().trim());
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }
}
