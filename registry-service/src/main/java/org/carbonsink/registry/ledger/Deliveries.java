package org.carbonsink.registry.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.carbonsink.registry.ledger.core.SerialBlock;
import org.carbonsink.registry.participant.Accounts;
import org.carbonsink.registry.participant.Accounts.Account;
import org.carbonsink.support.jdbc.Pipeline;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The trades the registry delivered, and those it refused for good. */
@Repository
class Deliveries {

    private final JdbcClient jdbc;
    private final JdbcOperations template;

    Deliveries(JdbcClient jdbc, JdbcOperations template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /**
     * What a delivery starts from: whether the trade was answered before; its hold, locked, if there is
     * one; the participant whose account the hold is on; the buyer's holding account, locked, if there is
     * one; and the blocks held under the hold, locked.
     */
    record Start(boolean answered, Hold hold, UUID holdOwnerId, Optional<Account> buyer, List<SerialBlock> held) {
    }

    /**
     * The start of a delivery in one round trip, after the statements {@code first} holds (the inbox's
     * record of the trade), as five statements run in this order, each as if sent alone: whether the trade was answered; the hold's project locked in share mode (the first lock of
     * the lock order, {@link ProjectStandings#shareOfHold}); the hold locked, with its account's
     * participant; the buyer's holding account locked; the hold's blocks locked. The locks are taken in the
     * order a delivery always took them, one statement after the other. A trade answered before, or
     * refused, took them for nothing: its transaction changes no block and lets them go at its end.
     */
    Start start(Pipeline first, UUID tradeId, UUID holdId, UUID buyerId) {
        int at = first.size();
        Pipeline.Results found = first
                .query("select exists (select 1 from delivery where trade_id = ?) "
                        + "or exists (select 1 from delivery_refusal where trade_id = ?)",
                        (rs, row) -> rs.getBoolean(1), tradeId, tradeId)
                .query(ProjectStandings.SHARE_OF_HOLD, (rs, row) -> row, holdId)
                .query(Holds.LOCK_WITH_OWNER, (rs, row) -> new Owned(Holds.map(rs, row),
                        rs.getObject("owner_id", UUID.class)), holdId)
                .query(Accounts.LOCK_HOLDING_ACCOUNT_OF, Accounts::map, buyerId)
                .query(SerialBlocks.LOCK_HELD, SerialBlocks::map, holdId)
                .run(template);
        if (found.<Boolean>rows(at).get(0)) {
            return new Start(true, null, null, Optional.empty(), List.of());
        }
        List<Owned> hold = found.rows(at + 2);
        List<Account> buyer = found.rows(at + 3);
        return new Start(false, hold.isEmpty() ? null : hold.get(0).hold(),
                hold.isEmpty() ? null : hold.get(0).ownerId(), buyer.stream().findFirst(), found.rows(at + 4));
    }

    private record Owned(Hold hold, UUID ownerId) {
    }

    record Delivered(UUID holdId, UUID buyerAccountId, long quantity) {
    }

    record Refused(String code, String reason) {
    }

    Optional<Delivered> delivered(UUID tradeId) {
        return jdbc.sql("select hold_id, buyer_account_id, quantity from delivery where trade_id = :id")
                .param("id", tradeId)
                .query((rs, row) -> new Delivered(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3)))
                .optional();
    }

    Optional<Refused> refused(UUID tradeId) {
        return jdbc.sql("select code, reason from delivery_refusal where trade_id = :id").param("id", tradeId)
                .query((rs, row) -> new Refused(rs.getString(1), rs.getString(2))).optional();
    }

    /** The hold delivers the quantity and the delivery is recorded: two writes added to {@code writes}. */
    void add(Pipeline writes, UUID tradeId, UUID holdId, UUID buyerAccountId, long quantity, Instant at) {
        writes.update(Holds.DELIVER, quantity, quantity, holdId)
                .update("insert into delivery (trade_id, hold_id, buyer_account_id, quantity, delivered_at) "
                        + "values (?, ?, ?, ?, ?)", tradeId, holdId, buyerAccountId, quantity, Timestamp.from(at));
    }

    void refuse(UUID tradeId, Refused refusal, Instant at) {
        jdbc.sql("insert into delivery_refusal (trade_id, code, reason, refused_at) values (:trade, :code, :reason, :at)")
                .param("trade", tradeId).param("code", refusal.code()).param("reason", refusal.reason())
                .param("at", Timestamp.from(at)).update();
    }
}
