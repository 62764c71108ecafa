package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.carbonsink.contracts.CreditDeliveryFailed;
import org.carbonsink.contracts.CreditHoldRejected;
import org.carbonsink.contracts.CreditHoldReleaseRequested;
import org.carbonsink.contracts.CreditHoldRequested;
import org.carbonsink.contracts.CreditsDelivered;
import org.carbonsink.contracts.CreditsHeld;
import org.carbonsink.contracts.SerialRange;
import org.carbonsink.contracts.Topics;
import org.carbonsink.contracts.TradeExecuted;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** From listing to settlement, with the test playing the registry on Kafka. */
class TradingLifecycleIT extends TradingIntegration {

    @Test
    void listsSellsMatchesAndSettlesATradeOnceWhenTheRegistryDeliversTwice() {
        Listed instrument = listInstrument(1000);
        JsonNode listed = api().get("/instruments/" + instrument.instrumentId()).expect(200);
        assertThat(listed.get("projectCode").asString()).isEqualTo(instrument.projectCode());
        assertThat(listed.get("vintage").asInt()).isEqualTo(2025);
        assertThat(listed.get("issuedQuantity").asLong()).isEqualTo(1000);

        UUID seller = trader();
        JsonNode sell = placeOrder(seller, instrument.instrumentId(), "SELL", 100, "50.00");
        assertThat(sell.get("status").asString()).isEqualTo("PENDING_HOLD");
        UUID sellId = UUID.fromString(sell.get("id").asString());
        CreditHoldRequested hold = holdRequestedFor(sellId);
        assertThat(hold.instrumentId()).isEqualTo(instrument.instrumentId());
        assertThat(hold.participantId()).isEqualTo(seller);
        assertThat(hold.projectId()).isEqualTo(instrument.projectId());
        assertThat(hold.vintage()).isEqualTo(2025);
        assertThat(hold.quantity()).isEqualTo(100);
        assertThat(api().get("/instruments/" + instrument.instrumentId() + "/book").expect(200).get("asks").isEmpty())
                .as("a sell order is not in the book before its credits are held").isTrue();

        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditsHeld(
                UUID.randomUUID(), Instant.now(), sellId, instrument.instrumentId(), 100));
        awaitOrder(seller, sellId, "OPEN");
        JsonNode ask = api().get("/instruments/" + instrument.instrumentId() + "/book").expect(200).get("asks").get(0);
        assertThat(ask.get("price").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(ask.get("quantity").asLong()).isEqualTo(100);

        UUID buyer = trader();
        JsonNode account = deposit(buyer, "10000.00");
        assertThat(money(account.get("balance"))).isEqualByComparingTo("10000.00");
        assertThat(money(account.get("available"))).isEqualByComparingTo("10000.00");
        JsonNode buy = placeOrder(buyer, instrument.instrumentId(), "BUY", 60, "55.00");
        assertThat(buy.get("status").asString()).isEqualTo("FILLED");
        assertThat(buy.get("filledQuantity").asLong()).isEqualTo(60);

        List<JsonNode> trades = trades(instrument.instrumentId());
        assertThat(trades).hasSize(1);
        assertThat(api().get("/trades").expect(200).get("items").valueStream().map(t -> t.get("id")))
                .as("all instruments' trades").contains(trades.get(0).get("id"));
        JsonNode trade = trades.get(0);
        assertThat(trade.get("status").asString()).isEqualTo("PENDING_DELIVERY");
        assertThat(trade.get("quantity").asLong()).isEqualTo(60);
        assertThat(money(trade.get("price"))).as("the resting order's price").isEqualByComparingTo("50.00");
        assertThat(money(trade.get("amount"))).isEqualByComparingTo("3000.00");
        UUID tradeId = UUID.fromString(trade.get("id").asString());
        List<TradeExecuted> executed = TestEvents.await(Topics.TRADING_TRADES, TradeExecuted.class,
                e -> e.tradeId().equals(tradeId), PATIENCE);
        assertThat(executed).singleElement().satisfies(e -> {
            assertThat(e.instrumentId()).isEqualTo(instrument.instrumentId());
            assertThat(e.holdId()).isEqualTo(sellId);
            assertThat(e.sellerId()).isEqualTo(seller);
            assertThat(e.buyerId()).isEqualTo(buyer);
            assertThat(e.quantity()).isEqualTo(60);
            assertThat(e.price()).isEqualByComparingTo("50.00");
            assertThat(e.currency()).isEqualTo("CNY");
        });
        // 60 × 55.00 was reserved for the order; 60 × 50.00 stays reserved for the trade, 60 × 5.00 is free again
        assertCash(buyer, "10000.00", "3000.00");
        JsonNode restingSell = as(seller).get("/orders/" + sellId).expect(200);
        assertThat(restingSell.get("status").asString()).isEqualTo("OPEN");
        assertThat(restingSell.get("remainingQuantity").asLong()).isEqualTo(40);

        CreditsDelivered delivered = new CreditsDelivered(UUID.randomUUID(), Instant.now(), tradeId,
                instrument.instrumentId(), buyer, 60, List.of(new SerialRange(instrument.instrumentId(), 1, 60)));
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), delivered);
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), delivered);
        // a later event on the same key: once it is applied, both copies of the delivery were seen
        placeSellAndReject(trader(), instrument, "marker");

        assertThat(awaitTrade(tradeId, "SETTLED").get("closedAt").isNull()).isFalse();
        assertCash(buyer, "7000.00", "0.00");
        assertCash(seller, "3000.00", "0.00");
    }

    @Test
    void aBuyOrderWalksTheAsksAndRestsWhatIsLeftWithItsCashReserved() {
        Listed instrument = listInstrument(500);
        UUID cheap = trader();
        UUID dear = trader();
        sellWithCreditsHeld(cheap, instrument, 10, "10.00");
        sellWithCreditsHeld(dear, instrument, 10, "11.00");
        UUID buyer = trader();
        deposit(buyer, "1000.00");

        JsonNode buy = placeOrder(buyer, instrument.instrumentId(), "BUY", 25, "11.50");

        assertThat(buy.get("status").asString()).isEqualTo("OPEN");
        assertThat(buy.get("filledQuantity").asLong()).isEqualTo(20);
        assertThat(money(buy.get("reservedCash"))).isEqualByComparingTo("57.50");
        assertThat(trades(instrument.instrumentId())).extracting(t -> t.get("quantity").asLong() + "@"
                + money(t.get("price")).toPlainString()).containsExactly("10@11.00", "10@10.00");
        // 10 × 10.00 and 10 × 11.00 for the trades, 5 × 11.50 for what is still open
        assertCash(buyer, "1000.00", "267.50");
        JsonNode book = api().get("/instruments/" + instrument.instrumentId() + "/book").expect(200);
        assertThat(book.get("asks").isEmpty()).isTrue();
        assertThat(money(book.get("bids").get(0).get("price"))).isEqualByComparingTo("11.50");
        assertThat(book.get("bids").get(0).get("quantity").asLong()).isEqualTo(5);
    }

    @Test
    void aBuyWithoutEnoughCashIsRefusedAndReservesNothing() {
        Listed instrument = listInstrument(100);
        UUID buyer = trader();
        deposit(buyer, "100.00");

        var refused = as(buyer).post("/orders", order(instrument.instrumentId(), "BUY", 10, "20.00"));

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:insufficient-cash");
        assertCash(buyer, "100.00", "0.00");
        assertThat(as(buyer).get("/orders").expect(200).get("total").asLong()).isZero();
        UUID noCashAccount = trader();
        assertThat(as(noCashAccount).post("/orders", order(instrument.instrumentId(), "BUY", 1, "1.00")).status())
                .isEqualTo(422);
    }

    @Test
    void aSellOrderWhoseCreditsTheRegistryWillNotHoldIsRejected() {
        Listed instrument = listInstrument(100);
        UUID seller = trader();

        UUID orderId = placeSellAndReject(seller, instrument, "the account holds 0 credits of this vintage");

        JsonNode order = as(seller).get("/orders/" + orderId).expect(200);
        assertThat(order.get("rejectionReason").asString()).isEqualTo("the account holds 0 credits of this vintage");
        assertThat(api().get("/instruments/" + instrument.instrumentId() + "/book").expect(200).get("asks").isEmpty())
                .isTrue();
    }

    @Test
    void aDeliveryFailedByTheBuyerFailsTheTradeReleasesTheCashAndTheSellOrderKeepsItsPlace() {
        Listed instrument = listInstrument(100);
        Matched matched = tenAtThirty(instrument);
        UUID seller = matched.seller();
        UUID sellOrder = matched.sellOrder();
        UUID buyer = matched.buyer();
        UUID tradeId = matched.tradeId();
        assertCash(buyer, "1000.00", "300.00");
        // a later seller at the same price, queued behind where the filled order stood
        UUID laterSeller = trader();
        UUID laterSell = sellWithCreditsHeld(laterSeller, instrument, 5, "30.00");

        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditDeliveryFailed(UUID.randomUUID(),
                Instant.now(), tradeId, instrument.instrumentId(), "no registry account for buyer " + buyer,
                CreditDeliveryFailed.BUYER_NO_ACCOUNT));

        // everyone sees the code; only the parties and the operator see the reason, which names the buyer
        JsonNode trade = awaitTrade(tradeId, "FAILED");
        assertThat(trade.get("failureCode").asString()).isEqualTo("BUYER_NO_REGISTRY_ACCOUNT");
        assertThat(trade.get("failureReason").isNull()).isTrue();
        assertThat(trades(instrument.instrumentId()).get(0).toString()).doesNotContain(buyer.toString());
        assertThat(as(trader()).get("/trades/" + tradeId).expect(200).get("failureReason").isNull()).isTrue();
        for (var party : List.of(as(buyer), as(seller), operator())) {
            assertThat(party.get("/trades/" + tradeId).expect(200).get("failureReason").asString())
                    .isEqualTo("no registry account for buyer " + buyer);
        }
        assertCash(buyer, "1000.00", "0.00");
        assertThat(as(seller).get("/cash-accounts/" + seller).status()).as("the seller was paid nothing")
                .isEqualTo(404);
        // the registry still holds those credits for the sell order: it is open for them again, ahead of the later one
        JsonNode reopened = awaitOrder(seller, sellOrder, "OPEN");
        assertThat(reopened.get("remainingQuantity").asLong()).isEqualTo(10);
        UUID another = trader();
        deposit(another, "1000.00");
        placeOrder(another, instrument.instrumentId(), "BUY", 4, "30.00");
        assertThat(awaitOrder(seller, sellOrder, "OPEN").get("remainingQuantity").asLong()).isEqualTo(6);
        assertThat(awaitOrder(laterSeller, laterSell, "OPEN").get("remainingQuantity").asLong()).isEqualTo(5);
    }

    /**
     * The registry has no account to deliver to the buyer: its bid still resting in the book could only make
     * trades that fail the same way, and would take back at once the credits just given back to the seller.
     */
    @Test
    void aBuyerTheRegistryCannotDeliverToLosesItsRestingBidsInsteadOfRetakingTheSellersCredits() {
        Listed instrument = listInstrument(100);
        UUID seller = trader();
        UUID sellOrder = sellWithCreditsHeld(seller, instrument, 4, "25.00");
        UUID buyer = trader();
        deposit(buyer, "1000.00");
        UUID bid = UUID.fromString(placeOrder(buyer, instrument.instrumentId(), "BUY", 10, "30.00").get("id")
                .asString());
        UUID tradeId = UUID.fromString(trades(instrument.instrumentId()).get(0).get("id").asString());
        assertCash(buyer, "1000.00", "280.00");

        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditDeliveryFailed(UUID.randomUUID(),
                Instant.now(), tradeId, instrument.instrumentId(), "no registry account for buyer " + buyer,
                CreditDeliveryFailed.BUYER_NO_ACCOUNT));

        awaitTrade(tradeId, "FAILED");
        JsonNode cancelled = awaitOrder(buyer, bid, "CANCELLED");
        assertThat(cancelled.get("cancelReason").asString()).isEqualTo("UNDELIVERABLE");
        assertThat(money(cancelled.get("reservedCash"))).isEqualByComparingTo("0.00");
        assertThat(awaitOrder(seller, sellOrder, "OPEN").get("remainingQuantity").asLong())
                .as("the seller's credits wait in the book for a buyer who can receive them").isEqualTo(4);
        assertThat(trades(instrument.instrumentId())).as("no second trade to the same buyer").hasSize(1);
        assertCash(buyer, "1000.00", "0.00");
    }

    @Test
    void aDeliveryFailedForTheSellersHoldFailsTheTradeAndGivesTheSellOrderNothingBack() {
        Listed instrument = listInstrument(100);
        Matched matched = tenAtThirty(instrument);
        UUID seller = matched.seller();
        UUID sellOrder = matched.sellOrder();
        UUID buyer = matched.buyer();
        UUID tradeId = matched.tradeId();

        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditDeliveryFailed(UUID.randomUUID(),
                Instant.now(), tradeId, instrument.instrumentId(), "hold " + sellOrder + " has 0 credits left, trade needs 10",
                CreditDeliveryFailed.HOLD_SHORT));

        awaitTrade(tradeId, "FAILED");
        assertCash(buyer, "1000.00", "0.00");
        assertThat(as(seller).get("/orders/" + sellOrder).expect(200).get("status").asString()).isEqualTo("FILLED");
        assertThat(TestEvents.await(Topics.TRADING_ORDERS, CreditHoldReleaseRequested.class,
                e -> e.holdId().equals(sellOrder), PATIENCE)).as("what the registry may still hold of it")
                .singleElement().satisfies(e -> assertThat(e.quantity()).isEqualTo(10));
        assertThat(api().get("/instruments/" + instrument.instrumentId() + "/book").expect(200).get("asks").isEmpty())
                .as("no credits the registry no longer holds are offered").isTrue();
    }

    @Test
    void anOwnerCancelsABuyOrderAndGetsItsCashBack() {
        Listed instrument = listInstrument(100);
        UUID buyer = trader();
        deposit(buyer, "500.00");
        UUID order = UUID.fromString(placeOrder(buyer, instrument.instrumentId(), "BUY", 5, "20.00").get("id").asString());
        assertCash(buyer, "500.00", "100.00");

        UUID stranger = trader();
        assertThat(as(stranger).post("/orders/" + order + "/cancellation", null).status()).isEqualTo(403);
        assertCash(buyer, "500.00", "100.00");

        JsonNode cancelled = as(buyer).post("/orders/" + order + "/cancellation", null).expect(200);
        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertCash(buyer, "500.00", "0.00");
        assertThat(as(buyer).post("/orders/" + order + "/cancellation", null).status()).isEqualTo(409);
        assertThat(as(buyer).post("/orders/" + UUID.randomUUID() + "/cancellation", null).status()).isEqualTo(404);
    }

    @Test
    void aCancelledSellOrderAsksTheRegistryForItsUnfilledCreditsOnly() {
        Listed instrument = listInstrument(100);
        UUID seller = trader();
        UUID sellOrder = sellWithCreditsHeld(seller, instrument, 10, "30.00");
        UUID buyer = trader();
        deposit(buyer, "1000.00");
        placeOrder(buyer, instrument.instrumentId(), "BUY", 4, "30.00");

        JsonNode cancelled = as(seller).post("/orders/" + sellOrder + "/cancellation", null).expect(200);

        assertThat(cancelled.get("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.get("filledQuantity").asLong()).isEqualTo(4);
        assertThat(TestEvents.await(Topics.TRADING_ORDERS, CreditHoldReleaseRequested.class,
                e -> e.holdId().equals(sellOrder), Duration.ofSeconds(30))).singleElement()
                .satisfies(e -> assertThat(e.quantity()).isEqualTo(6));
        // nothing of it is left in the book for a new buyer
        UUID late = trader();
        deposit(late, "1000.00");
        JsonNode lateBuy = placeOrder(late, instrument.instrumentId(), "BUY", 1, "30.00");
        assertThat(lateBuy.get("status").asString()).isEqualTo("OPEN");
        assertThat(lateBuy.get("filledQuantity").asLong()).isZero();
    }

    private UUID placeSellAndReject(UUID seller, Listed instrument, String reason) {
        JsonNode sell = placeOrder(seller, instrument.instrumentId(), "SELL", 5, "99.00");
        UUID orderId = UUID.fromString(sell.get("id").asString());
        holdRequestedFor(orderId);
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditHoldRejected(UUID.randomUUID(),
                Instant.now(), orderId, instrument.instrumentId(), reason));
        awaitOrder(seller, orderId, "REJECTED");
        return orderId;
    }
}
