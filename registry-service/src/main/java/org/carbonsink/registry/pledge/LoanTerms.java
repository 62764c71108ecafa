package org.carbonsink.registry.pledge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import org.carbonsink.support.web.ProblemException;

/**
 * The loan a pledge secures: the lender's reference, the secured amount in an ISO 4217 currency
 * (two decimals; more are refused rather than rounded), and the maturity date. Only the parties and
 * the administrator see the reference and the amount.
 */
public record LoanTerms(String loanReference, BigDecimal securedAmount, String currency, LocalDate maturityDate) {

    /** Refuses terms that break a rule with a problem naming the field. */
    public LoanTerms {
        if (loanReference == null || loanReference.isBlank() || loanReference.strip().length() > 100) {
            throw ProblemException.invalidField("loanReference", "required", "must be 1 to 100 characters");
        }
        loanReference = loanReference.strip();
        if (securedAmount == null || securedAmount.signum() <= 0) {
            throw ProblemException.invalidField("securedAmount", "positive", "must be greater than 0");
        }
        if (securedAmount.stripTrailingZeros().scale() > 2 || securedAmount.precision() - securedAmount.scale() > 17) {
            throw ProblemException.invalidField("securedAmount", "money",
                    "must have at most 2 decimals and 17 integer digits");
        }
        // exact: the check above refused anything setScale(2) would have to round
        securedAmount = securedAmount.setScale(2, RoundingMode.UNNECESSARY);
        if (currency == null || !currency.matches("[A-Z]{3}") || !known(currency)) {
            throw ProblemException.invalidField("currency", "iso-4217", "must be an ISO 4217 currency code, e.g. CNY");
        }
        if (maturityDate == null) {
            throw ProblemException.invalidField("maturityDate", "required", "is required");
        }
    }

    /**
     * Refuses a loan that has already matured: a pledge secures a debt still running, and one made
     * after the maturity date could be enforced for non-payment the moment it is recorded. The
     * maturity date itself ({@code today}, a date in Beijing) is still accepted: the loan is due that day.
     */
    public void requireNotMaturedBefore(LocalDate today) {
        if (maturityDate.isBefore(today)) {
            throw ProblemException.invalidField("maturityDate", "not-in-past",
                    "must not be before today (" + today + " in Beijing): the secured loan has already matured");
        }
    }

    private static boolean known(String code) {
        try {
            Currency.getInstance(code);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
