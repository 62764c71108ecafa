package org.carbonsink.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.contracts.MonitoringReportVerified;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The database itself refuses what would break the ledger invariants, whatever the code does. */
class LedgerConstraintsIT extends RegistryIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate tx;

    @Test
    void theDatabaseRefusesOverlapsMovesOfRetiredSerialsAndLostCredits() {
        UUID owner = id(registerParticipant("Hubei Wetland Trust", "PROJECT_OWNER"));
        UUID projectId = id(registeredProject(owner));
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), new MonitoringReportVerified(
                UUID.randomUUID(), Instant.now(), UUID.randomUUID(), projectId, owner, UUID.randomUUID(),
                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), 2023, new BigDecimal("50.0000"), 50, 5));
        UUID account = UUID.fromString(api().as(owner).get("/participants/" + owner).expect(200).get("accountId").asString());
        await().atMost(EVENTUALLY).until(() -> count("select count(*) from serial_block where account_id = '" + account + "'") == 1);
        api().as(owner, "PROJECT_OWNER").post("/accounts/" + account + "/retirements", Map.of("projectId", projectId, "vintage", 2023,
                "quantity", 10, "beneficiary", "Wuhan Metro", "purpose", "EVENT_NEUTRALITY")).expect(201);

        var block = jdbc.sql("select id, issuance_id, first_serial, last_serial from serial_block "
                + "where account_id = :a and state = 'AVAILABLE'").param("a", account).query().singleRow();

        // invariant 2: serial ranges never overlap
        assertThatThrownBy(() -> jdbc.sql("insert into serial_block (issuance_id, project_id, vintage, first_serial, "
                + "last_serial, account_id, state) values (:i, :p, 2023, :f, :f, :a, 'AVAILABLE')")
                .param("i", block.get("issuance_id")).param("p", projectId).param("f", block.get("first_serial"))
                .param("a", account).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("serial_block_int8range_excl");

        // a block stays inside its issuance's range, and of its project and vintage
        assertThatThrownBy(() -> jdbc.sql("insert into serial_block (issuance_id, project_id, vintage, first_serial, "
                + "last_serial, account_id, state) values (:i, :p, 2023, 999000000, 999000001, :a, 'AVAILABLE')")
                .param("i", block.get("issuance_id")).param("p", projectId).param("a", account).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("outside the range");
        assertThatThrownBy(() -> jdbc.sql("update serial_block set vintage = 2019 where id = :id")
                .param("id", block.get("id")).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("serial_block_of_its_issuance");

        // invariant 3: a retired serial never moves again
        assertThatThrownBy(() -> jdbc.sql("update serial_block set account_id = :a where state = 'RETIRED' "
                + "and account_id = :a").param("a", account).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("never moves again");

        // invariant 1: credits cannot vanish from an issuance
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.sql("delete from serial_block where id = :id")
                .param("id", block.get("id")).update())).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("would cover");

        // invariant 6: one issuance per report
        assertThatThrownBy(() -> jdbc.sql("insert into issuance select gen_random_uuid(), report_id, project_id, "
                + "vintage, verified_credits, owner_quantity, buffer_quantity, first_serial + 1000000, "
                + "last_serial + 1000000, owner_account_id, issued_at from issuance where id = :i")
                .param("i", block.get("issuance_id")).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("issuance_once_per_report_and_vintage");

        assertThat(admin().get("/ledger/check?projectId=" + projectId).expect(200).get("sound").asBoolean()).isTrue();
    }

    @Test
    void theDatabaseRefusesCancelledSerialsWithoutACancellationAndTransfersThatDoNotAddUp() {
        JsonNode ownerNode = registerParticipant("Jiangxi Bamboo Co.", "PROJECT_OWNER");
        UUID owner = id(ownerNode);
        UUID account = UUID.fromString(ownerNode.get("accountId").asString());
        UUID other = UUID.fromString(registerParticipant("Nanchang Buyer", "TRADER").get("accountId").asString());
        UUID projectId = id(registeredProject(owner));
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), new MonitoringReportVerified(
                UUID.randomUUID(), Instant.now(), UUID.randomUUID(), projectId, owner, UUID.randomUUID(),
                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), 2023, new BigDecimal("50.0000"), 50, 5));
        await().atMost(EVENTUALLY).until(() -> count("select count(*) from serial_block where account_id = '" + account + "'") == 1);
        api().as(owner, "PROJECT_OWNER").post("/accounts/" + account + "/cancellations", Map.of("projectId", projectId,
                "vintage", 2023, "quantity", 10, "reason", "Moved to another programme")).expect(201);
        long available = jdbc.sql("select id from serial_block where account_id = :a and state = 'AVAILABLE'")
                .param("a", account).query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("update serial_block set state = 'CANCELLED' where id = :id")
                .param("id", available).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("serial_block_cancelled_by_a_cancellation");
        assertThatThrownBy(() -> jdbc.sql("update serial_block set account_id = :o where state = 'CANCELLED' "
                + "and account_id = :a").param("o", other).param("a", account).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("never moves again");
        assertThatThrownBy(() -> jdbc.sql("update cancellation set quantity = 1 where account_id = :a")
                .param("a", account).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("never changed");
        assertThatThrownBy(() -> jdbc.sql("insert into transfer (id, from_account_id, to_account_id, project_id, "
                + "vintage, quantity, transferred_by, transferred_at) values (gen_random_uuid(), :a, :pool, :p, 2023, 1, "
                + ":o, now())").param("a", account).param("pool", UUID.fromString("00000000-0000-0000-0000-00000000b002"))
                .param("p", projectId).param("o", owner).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("never transferred into the buffer pool");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.sql("insert into transfer (id, from_account_id, "
                + "to_account_id, project_id, vintage, quantity, transferred_by, transferred_at) values "
                + "(gen_random_uuid(), :a, :o, :p, 2023, 5, :owner, now())").param("a", account).param("o", other)
                .param("p", projectId).param("owner", owner).update())).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("records 5 credits but moved 0");

        assertThat(admin().get("/ledger/check?projectId=" + projectId).expect(200).get("sound").asBoolean()).isTrue();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    @Test
    void theDatabaseKeepsPledgedSerialsWithTheirPledgeAndAClosedPledgeFinal() {
        UUID owner = id(registerParticipant("Hubei Poplar Co.", "PROJECT_OWNER"));
        JsonNode lenderNode = registerParticipant("Hubei Bank", "LENDER");
        UUID lender = id(lenderNode);
        UUID projectId = id(registeredProject(owner));
        TestEvents.send(Topics.VERIFICATION_REPORTS, projectId.toString(), new MonitoringReportVerified(
                UUID.randomUUID(), Instant.now(), UUID.randomUUID(), projectId, owner, UUID.randomUUID(),
                LocalDate.of(2023, 1, 1), LocalDate.of(2023, 12, 31), 2023, new BigDecimal("100.0000"), 100, 10));
        UUID account = UUID.fromString(api().as(owner).get("/participants/" + owner).expect(200).get("accountId")
                .asString());
        await().atMost(EVENTUALLY).until(() -> count("select count(*) from serial_block where account_id = '"
                + account + "'") == 1);
        Map<String, Object> pledge = new java.util.HashMap<>(Map.of("kind", "CREDITS", "accountId", account,
                "projectId", projectId, "vintage", 2023, "quantity", 40, "lenderId", lender,
                "loanReference", "HB-1", "securedAmount", "1000.00", "currency", "CNY"));
        pledge.put("maturityDate", "2027-01-31");
        UUID pledgeId = id(api().as(owner, "PROJECT_OWNER").post("/pledges", pledge).expect(201));
        UUID lenderAccount = UUID.fromString(lenderNode.get("accountId").asString());

        // pledged serials cannot be freed, moved to another account or left without their pledge
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.sql("update serial_block set state = 'AVAILABLE', "
                + "pledge_id = null where pledge_id = :p").param("p", pledgeId).update()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("records 40 credits still pledged");
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.sql("update serial_block set account_id = :a "
                + "where pledge_id = :p").param("a", lenderAccount).param("p", pledgeId).update()))
                .isInstanceOf(DataAccessException.class).hasMessageContaining("outside its pledgor's account");
        assertThatThrownBy(() -> jdbc.sql("update serial_block set pledge_id = null where pledge_id = :p")
                .param("p", pledgeId).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("serial_block_pledged_for_a_pledge");
        // a pledge cannot record a release its serials did not make, nor change its terms
        assertThatThrownBy(() -> tx.executeWithoutResult(s -> jdbc.sql("update pledge set released = 10 where id = :p")
                .param("p", pledgeId).update())).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("its serial blocks hold 40");
        assertThatThrownBy(() -> jdbc.sql("update pledge set secured_amount = 1 where id = :p").param("p", pledgeId)
                .update()).isInstanceOf(DataAccessException.class).hasMessageContaining("may only record");
        // an enforcement request before the maturity date stands only on a described event of default
        assertThatThrownBy(() -> jdbc.sql("update pledge set enforcement_grounds = 'NOT_REPAID_AT_MATURITY', "
                + "enforcement_reason = 'unpaid', enforcement_requested_at = (maturity_date - 1)::timestamp "
                + "at time zone 'Asia/Shanghai' where id = :p").param("p", pledgeId).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("pledge_early_enforcement_on_default");
        assertThatThrownBy(() -> jdbc.sql("update pledge set enforcement_grounds = 'EVENT_OF_DEFAULT', "
                + "enforcement_reason = ' ', enforcement_requested_at = now() where id = :p").param("p", pledgeId)
                .update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("pledge_event_of_default_described");

        api().as(lender, "LENDER").post("/pledges/" + pledgeId + "/releases", Map.of("quantity", 40)).expect(200);
        // a released pledge never changes again and is never deleted
        assertThatThrownBy(() -> jdbc.sql("update pledge set enforcement_reason = 'late', enforcement_requested_at = "
                + "now() where id = :p").param("p", pledgeId).update()).isInstanceOf(DataAccessException.class)
                .hasMessageContaining("never changes again");
        assertThatThrownBy(() -> jdbc.sql("delete from pledge where id = :p").param("p", pledgeId).update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("never changed or deleted");

        assertThat(api().get("/ledger/check?projectId=" + projectId).expect(200).get("sound").asBoolean()).isTrue();
    }
}
