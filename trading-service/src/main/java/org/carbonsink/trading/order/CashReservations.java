package org.carbonsink.trading.order;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import org.carbonsink.support.jdbc.Pipeline;
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

    /**
     * Available cash in fen, without locking, added to {@code reads}: {@code available} is filled once they have
     * run; a participant without an account has none.
     */
    void availableFen(Pipeline reads, Collection<UUID> participants, Map<UUID, Long> available) {
        if (participants.isEmpty()) {
            return;
        }
        reads.queryChecked("select participant_id, (balance - reserved) * 100 from cash_account where participant_id = any(?)",
                (rs, row) -> Map.entry(rs.getObject(1, UUID.class), rs.getBigDecimal(2).longValueExact()),
                rows -> rows.forEach(row -> available.put(row.getKey(), row.getValue())),
                Pipeline.array("uuid", participants.toArray()));
    }

    /**
     * Adds to {@code writes} the change of each account's reservation by its delta in fen (positive reserves,
     * negative releases), in the map's (participant id) order. Once the pipeline has run, {@code short_} holds
     * the participants whose reservation no longer fits their available cash; then the caller rolls back.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void apply(Pipeline writes, SortedMap<UUID, Long> deltaFen, List<UUID> short_) {
        deltaFen.forEach((participant, delta) -> {
            if (delta != 0) {
                writes.updateChecked("""
                        update cash_account set reserved = reserved + ?
                        where participant_id = ? and balance - reserved >= ?
                        """, updated -> {
                            if (updated == 0) {
                                short_.add(participant);
                            }
                        }, Money.of(delta), participant, Money.of(delta));
            }
        });
    }
}
