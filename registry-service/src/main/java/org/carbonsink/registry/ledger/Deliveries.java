package org.carbonsink.registry.ledger;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The trades the registry delivered, and those it refused for good. */
@Repository
class Deliveries {

    private final JdbcClient jdbc;

    Deliveries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Delivered(UUID holdId, UUID buyerAccountId, long quantity) {
    }

    record Refused(String code, String reason) {
    }

    /** Whether the trade was delivered or refused: either answer is final. */
    boolean answered(UUID tradeId) {
        return jdbc.sql("select exists (select 1 from delivery where trade_id = :id) "
                + "or exists (select 1 from delivery_refusal where trade_id = :id)").param("id", tradeId)
                .query(Boolean.class).single();
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

    void add(UUID tradeId, UUID holdId, UUID buyerAccountId, long quantity, Instant at) {
        jdbc.sql("insert into delivery (trade_id, hold_id, buyer_account_id, quantity, delivered_at) "
                + "values (:trade, :hold, :buyer, :quantity, :at)")
                .param("trade", tradeId).param("hold", holdId).param("buyer", buyerAccountId)
                .param("quantity", quantity).param("at", Timestamp.from(at)).update();
    }

    void refuse(UUID tradeId, Refused refusal, Instant at) {
        jdbc.sql("insert into delivery_refusal (trade_id, code, reason, refused_at) values (:trade, :code, :reason, :at)")
                .param("trade", tradeId).param("code", refusal.code()).param("reason", refusal.reason())
                .param("at", Timestamp.from(at)).update();
    }
}
