package org.carbonsink.trading.order;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The matching engine's view of cash accounts: what is available before a batch, and the batch's net
 * change of each account's reservation, written last and in participant id order (docs/exchange-engine.md,
 * lock order) with one conditional update each, so that cash spent elsewhere meanwhile is never overspent.
 */
@Repository
class CashReservations {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CashReservations(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Available cash in fen, without locking; a participant without an account has none. */
    Map<UUID, Long> availableFen(Collection<UUID> participants) {
        Map<UUID, Long> available = new HashMap<>();
        if (participants.isEmpty()) {
            return available;
        }
        template.query("select participant_id, (balance - reserved) * 100 from cash_account where participant_id = any(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("uuid", participants.toArray())),
                rs -> {
                    available.put(rs.getObject(1, UUID.class), rs.getBigDecimal(2).longValueExact());
                });
        return available;
    }

    /**
     * Changes each account's reservation by its delta in fen (positive reserves, negative releases), in
     * the map's (participant id) order. Answers the participants whose reservation no longer fits their
     * available cash; then the caller rolls back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    List<UUID> apply(SortedMap<UUID, Long> deltaFen) {
        List<Object[]> rows = new ArrayList<>();
        List<UUID> order = new ArrayList<>();
        deltaFen.forEach((participant, delta) -> {
            if (delta != 0) {
                rows.add(new Object[] { Money.of(delta), participant, Money.of(delta) });
                order.add(participant);
            }
        });
        List<UUID> short_ = new ArrayList<>();
        if (rows.isEmpty()) {
            return short_;
        }
        int[] updated = template.batchUpdate("""
                update cash_account set reserved = reserved + ?
                where participant_id = ? and balance - reserved >= ?
                """, rows);
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                short_.add(order.get(i));
            }
        }
        return short_;
    }
}
