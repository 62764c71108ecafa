package org.carbonsink.registry.ledger;

import java.util.List;
import java.util.UUID;
import org.carbonsink.registry.ledger.LedgerCheck.VintageBalance;
import org.carbonsink.registry.ledger.SettlementSnapshot.DeliveryState;
import org.carbonsink.registry.ledger.SettlementSnapshot.HoldState;
import org.carbonsink.registry.ledger.SettlementSnapshot.LedgerState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/** Reads the {@link SettlementSnapshot}: one repeatable-read transaction, so its parts agree with each other. */
@Component
public class SettlementRecords {

    private final JdbcClient jdbc;
    private final LedgerCheck check;

    SettlementRecords(JdbcClient jdbc, LedgerCheck check) {
        this.jdbc = jdbc;
        this.check = check;
    }

    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public SettlementSnapshot snapshot() {
        List<HoldState> holds = jdbc.sql("""
                select id, quantity, quantity - delivered - released - cancelled as remaining, delivered, released,
                       cancelled, status
                from hold order by id
                """).query((rs, n) -> new HoldState(rs.getObject("id", UUID.class), rs.getLong("quantity"),
                        rs.getLong("remaining"), rs.getLong("delivered"), rs.getLong("released"),
                        rs.getLong("cancelled"), rs.getString("status")))
                .list();
        List<UUID> rejected = jdbc.sql("select hold_id from hold_rejection order by hold_id").query(UUID.class).list();
        List<DeliveryState> deliveries = jdbc.sql("select trade_id, hold_id, quantity from delivery order by trade_id")
                .query((rs, n) -> new DeliveryState(rs.getObject("trade_id", UUID.class),
                        rs.getObject("hold_id", UUID.class), rs.getLong("quantity")))
                .list();
        LedgerCheck.Report report = check.run(null);
        List<VintageBalance> b = report.balances();
        LedgerState ledger = new LedgerState(report.sound(), report.violations(),
                b.stream().mapToLong(VintageBalance::issued).sum(), b.stream().mapToLong(VintageBalance::available).sum(),
                b.stream().mapToLong(VintageBalance::held).sum(), b.stream().mapToLong(VintageBalance::retired).sum(),
                b.stream().mapToLong(VintageBalance::cancelled).sum(), b.stream().mapToLong(VintageBalance::buffer).sum());
        return new SettlementSnapshot(holds, rejected, deliveries, ledger);
    }
}
