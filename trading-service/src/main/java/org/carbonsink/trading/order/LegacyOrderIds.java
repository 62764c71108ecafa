package org.carbonsink.trading.order;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether the database may hold keyed orders whose ids have the form they had before
 * {@link PlacingOrder#keyedIds}' (version 3, {@link PlacingOrder#legacyKeyedIds}). Migration V110 left a row in
 * {@code legacy_keyed_order_ids} when it found keyed orders; while it is there, a keyed request also looks its
 * orders up by their legacy ids, so that a retry of a request first sent before the change is answered the orders
 * it placed then instead of placing them again. A database that never held keyed orders (every new one) pays
 * nothing for it. Read once, on the first keyed request.
 */
@Component
public class LegacyOrderIds {

    private final JdbcClient jdbc;
    private volatile Boolean mayExist;

    LegacyOrderIds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    boolean mayExist() {
        Boolean known = mayExist;
        if (known == null) {
            known = jdbc.sql("select exists (select 1 from legacy_keyed_order_ids)").query(Boolean.class).single();
            mayExist = known;
        }
        return known;
    }

    /** Reads the table again on the next keyed request (after a test, or an operator, has changed it). */
    public void forget() {
        mayExist = null;
    }
}
