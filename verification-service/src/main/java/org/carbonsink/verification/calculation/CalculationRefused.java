package org.carbonsink.verification.calculation;

/**
 * The field data cannot be calculated by the method: {@code field} is the path of the offending
 * input in the report (e.g. {@code treeStrata[1].species}), {@code rule} the rule it breaks.
 */
public class CalculationRefused extends RuntimeException {

    private final String slug;
    private final String field;
    private final String rule;

    public CalculationRefused(String slug, String field, String rule, String message) {
        super(message);
        this.slug = slug;
        this.field = field;
        this.rule = rule;
    }

    public String slug() {
        return slug;
    }

    public String field() {
        return field;
    }

    public String rule() {
        return rule;
    }
}
