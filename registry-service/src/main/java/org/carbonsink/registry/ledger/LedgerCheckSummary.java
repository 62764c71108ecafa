package org.carbonsink.registry.ledger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The ledger check as the public reads it: the last report of the whole ledger, recomputed at most
 * once per {@code carbonsink.ledger.public-check-interval} however many ask, so that anonymous
 * requests cannot make the registry scan the ledger on every call. The administrator runs the full
 * check on demand ({@link LedgerCheck}).
 */
@Component
public class LedgerCheckSummary {

    /** A report and when it was computed. */
    public record Checked(LedgerCheck.Report report, Instant checkedAt) {
    }

    private final LedgerCheck check;
    private final Clock clock;
    private final Duration interval;
    private volatile Checked last;

    LedgerCheckSummary(LedgerCheck check, Clock clock,
            @Value("${carbonsink.ledger.public-check-interval:PT30S}") Duration interval) {
        this.check = check;
        this.clock = clock;
        this.interval = interval;
    }

    public Checked latest() {
        Checked known = last;
        if (fresh(known)) {
            return known;
        }
        // one scan at a time: whoever waits here gets the report the scan before it made
        synchronized (this) {
            if (!fresh(last)) {
                Instant at = clock.instant();
                last = new Checked(check.run(null), at);
            }
            return last;
        }
    }

    private boolean fresh(Checked checked) {
        if (checked == null) {
            return false;
        }
        Instant now = clock.instant();
        // a clock set back (tests, a corrected server time) must not keep a report for ever
        return !now.isBefore(checked.checkedAt()) && now.isBefore(checked.checkedAt().plus(interval));
    }
}
