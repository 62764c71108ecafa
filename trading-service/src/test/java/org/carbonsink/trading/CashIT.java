package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.carbonsink.contracts.BankTransferReceived;
import org.carbonsink.contracts.Topics;
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Cash comes in from the operator or the bank, leaves by the operator, never below what is reserved. */
class CashIT extends TradingIntegration {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    DataSource dataSource;

    @Test
    void theOperatorDepositsForAParticipantAndOpensItsAccount() {
        UUID participant = trader();

        JsonNode account = operator().post("/cash-accounts/" + participant + "/deposits",
                Map.of("amount", new BigDecimal("1200.50"))).expect(201);

        assertThat(account.get("participantId").asString()).isEqualTo(participant.toString());
        assertThat(money(cashAccount(participant).get("balance"))).isEqualByComparingTo("1200.50");
    }

    @Test
    void aParticipantCannotDepositIntoItsOwnAccountOutsideTheDemoProfile() {
        UUID participant = trader();
        deposit(participant, "10.00");

        var refused = as(participant).post("/cash-accounts/" + participant + "/deposits",
                Map.of("amount", new BigDecimal("1000000.00")));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:self-deposit-disabled");
        assertThat(refused.json().get("detail").asString()).contains("'demo' profile");
        assertThat(money(cashAccount(participant).get("balance"))).isEqualByComparingTo("10.00");
    }

    @Test
    void aWithdrawalNeverTouchesCashReservedForABuyOrder() {
        Listed instrument = listInstrument(100);
        UUID buyer = trader();
        deposit(buyer, "1000.00");
        placeOrder(buyer, instrument.instrumentId(), "BUY", 10, "60.00");

        var refused = operator().post("/cash-accounts/" + buyer + "/withdrawals",
                Map.of("amount", new BigDecimal("400.01")));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString())
                .isEqualTo("urn:carbonsink:problem:withdrawal-exceeds-available");
        assertThat(money(refused.json().get("available"))).isEqualByComparingTo("400.00");
        assertThat(money(cashAccount(buyer).get("balance"))).isEqualByComparingTo("1000.00");

        JsonNode paidOut = operator().post("/cash-accounts/" + buyer + "/withdrawals",
                Map.of("amount", new BigDecimal("400.00"))).expect(201);
        assertThat(money(paidOut.get("balance"))).isEqualByComparingTo("600.00");
        assertThat(money(paidOut.get("reserved"))).isEqualByComparingTo("600.00");
        assertThat(money(paidOut.get("available"))).isEqualByComparingTo("0.00");
    }

    @Test
    void onlyTheOperatorPaysCashOut() {
        UUID participant = trader();
        deposit(participant, "100.00");

        var refused = as(participant).post("/cash-accounts/" + participant + "/withdrawals",
                Map.of("amount", new BigDecimal("1.00")));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(money(cashAccount(participant).get("balance"))).isEqualByComparingTo("100.00");
        assertThat(operator().post("/cash-accounts/" + trader() + "/withdrawals",
                Map.of("amount", new BigDecimal("1.00"))).status()).as("no account").isEqualTo(404);
    }

    @Test
    void noCashMovesForAParticipantTheRegistryNeverRegistered() {
        UUID stranger = UUID.randomUUID();

        for (String movement : List.of("deposits", "withdrawals")) {
            var refused = operator().post("/cash-accounts/" + stranger + "/" + movement,
                    Map.of("amount", new BigDecimal("100.00")));

            assertThat(refused.status()).as(movement).isEqualTo(422);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:unknown-participant");
            assertThat(refused.json().get("field").asString()).isEqualTo("participantId");
            assertThat(refused.json().get("detail").asString()).contains(stranger.toString());
        }
        assertThat(as(stranger).get("/cash-accounts/" + stranger).status()).as("no account opened").isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from cash_movement where participant_id = :id").param("id", stranger)
                .query(Long.class).single()).as("nothing booked").isZero();
    }

    @Test
    void theCashCheckFindsAReservationThatNothingBacks() {
        UUID participant = trader();
        deposit(participant, "100.00");
        assertReservedCashBacked(participant);

        jdbc.sql("update cash_account set reserved = 1.00 where participant_id = :id").param("id", participant).update();
        try {
            JsonNode mismatches = operator().get("/cash-check").expect(200);
            assertThat(mismatches.valueStream().filter(m -> m.get("participantId").asString()
                    .equals(participant.toString()))).singleElement().satisfies(m -> {
                        assertThat(money(m.get("reserved"))).isEqualByComparingTo("1.00");
                        assertThat(money(m.get("backed"))).isEqualByComparingTo("0.00");
                    });
        } finally {
            jdbc.sql("update cash_account set reserved = 0 where participant_id = :id").param("id", participant).update();
        }
        assertThat(as(participant).get("/cash-check").status()).as("the operator's check only").isEqualTo(403);
    }

    @Test
    void aBuyWhoseCashIsSpentWhileItsBatchIsBeingWrittenIsRefusedAndLeavesNothingOfTheTrade() throws Exception {
        Listed instrument = listInstrument(100);
        UUID seller = trader();
        UUID ask = sellWithCreditsHeld(seller, instrument, 10, "30.00");
        UUID buyer = trader();
        deposit(buyer, "1000.00");

        ApiClient.Response answer;
        ExecutorService placing = Executors.newSingleThreadExecutor();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "select balance from cash_account where participant_id = ? for update")) {
                lock.setObject(1, buyer);
                lock.executeQuery().close();
            }
            Future<ApiClient.Response> buy = placing.submit(() -> as(buyer).post("/orders",
                    order(instrument.instrumentId(), "BUY", 10, "30.00")));
            // the batch has matched and sent its writes; its cash update waits on the account's row lock
            await().atMost(PATIENCE).until(() -> jdbc.sql("""
                    select count(*) from pg_stat_activity
                    where datname = current_database() and wait_event_type = 'Lock'
                      and query like '%update cash_account set reserved%'
                    """).query(Long.class).single() == 1);
            // another transaction spends the cash meanwhile (as the operator's withdrawal does) and commits
            try (PreparedStatement spend = other.prepareStatement(
                    "update cash_account set balance = balance - 800 where participant_id = ?")) {
                spend.setObject(1, buyer);
                spend.executeUpdate();
            }
            other.commit();
            answer = buy.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } finally {
            placing.shutdownNow();
        }

        // the batch rolled back as a whole and, re-applied with the cash there is now, refused the order
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:insufficient-cash");
        assertCash(buyer, "200.00", "0.00");
        assertThat(trades(instrument.instrumentId())).isEmpty();
        JsonNode resting = as(seller).get("/orders/" + ask).expect(200);
        assertThat(resting.get("status").asString()).isEqualTo("OPEN");
        assertThat(resting.get("filledQuantity").asLong()).isZero();
        assertThat(jdbc.sql("select count(*) from outbox_event where event_type = 'TradeExecuted' and event_key = :key")
                .param("key", instrument.instrumentId()).query(Long.class).single()).isZero();
    }

    @Test
    void aBankTransferReportedTwiceIsBookedOnce() {
        // the bank's report is booked even before the registry's registration reaches the exchange
        UUID participant = UUID.randomUUID();
        String transferId = "BANK-" + UUID.randomUUID();

        for (int i = 0; i < 2; i++) {
            TestEvents.send(Topics.TRADING_CASH, participant.toString(), new BankTransferReceived(UUID.randomUUID(),
                    Instant.now(), transferId, participant, new BigDecimal("250.00"), "CNY"));
        }
        // a later transfer on the same key: once it is booked, both reports of the first were seen
        TestEvents.send(Topics.TRADING_CASH, participant.toString(), new BankTransferReceived(UUID.randomUUID(),
                Instant.now(), transferId + "-2", participant, new BigDecimal("1.00"), "CNY"));

        await().atMost(PATIENCE).until(() -> as(participant).get("/cash-accounts/" + participant).status() == 200
                && money(cashAccount(participant).get("balance")).compareTo(new BigDecimal("251.00")) >= 0);
        assertThat(money(cashAccount(participant).get("balance"))).isEqualByComparingTo("251.00");
    }
}
