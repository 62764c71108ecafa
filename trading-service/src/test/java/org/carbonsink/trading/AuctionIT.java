package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
import org.carbonsink.testsupport.ApiClient;
import org.carbonsink.testsupport.TestEvents;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** One-way auctions (单向竞价) from announcement to settlement, with the test playing the registry. */
class AuctionIT extends TradingIntegration {

    UUID seller;

    /** Auctions are for participants the registry registered in a trading role. */
    @BeforeEach
    void traders() {
        seller = trader();
    }

    @Test
    void allocatesByPriceThenTimeEachWinnerPayingItsOwnBid() {
        Listed instrument = listInstrument(1000);
        UUID auctionId = announceAndHold(instrument, 100, "10.00", 8);
        UUID a = bidder("1000.00");
        UUID b = bidder("1000.00");
        UUID c = bidder("1000.00");
        UUID d = bidder("1000.00");

        ApiClient.Response first = bid(a, auctionId, 40, "12.00");
        first.expect(201);
        assertThat(first.header("Location")).isEqualTo("/auctions/" + auctionId + "/bids");
        bid(b, auctionId, 50, "11.00").expect(201);
        bid(c, auctionId, 30, "11.00").expect(201);
        bid(d, auctionId, 20, "10.50").expect(201);
        assertRefused(bid(d, auctionId, 10, "9.99"), 422, "bid-below-floor");
        assertRefused(bid(d, auctionId, 101, "10.00"), 422, "bid-exceeds-offer");
        assertRefused(bid(seller, auctionId, 10, "10.00"), 422, "own-auction");
        assertRefused(as(seller).post("/auctions/" + auctionId + "/close", null), 409, "auction-window-open");
        assertCashOf(c, "1000.00", "330.00");

        JsonNode closed = awaitClosed(auctionId);

        assertThat(closed.get("allocatedQuantity").asLong()).isEqualTo(100);
        assertBid(a, auctionId, "WON", 40);
        assertBid(b, auctionId, "WON", 50);
        assertBid(c, auctionId, "PARTLY_WON", 10);
        assertBid(d, auctionId, "LOST", 0);
        // each winner keeps allocated × its own bid reserved for its trade; the rest is free again
        assertCashOf(a, "1000.00", "480.00");
        assertCashOf(b, "1000.00", "550.00");
        assertCashOf(c, "1000.00", "110.00");
        assertCashOf(d, "1000.00", "0.00");
        List<JsonNode> trades = trades(instrument.instrumentId());
        assertThat(trades).extracting(t -> t.get("quantity").asLong() + "@" + money(t.get("price")).toPlainString())
                .containsExactlyInAnyOrder("40@12.00", "50@11.00", "10@11.00");
        UUID cTrade = UUID.fromString(as(c).get("/auctions/" + auctionId + "/bids").expect(200).get(0).get("tradeId")
                .asString());
        TradeExecuted executed = TestEvents.await(Topics.TRADING_TRADES, TradeExecuted.class,
                e -> e.tradeId().equals(cTrade), PATIENCE).get(0);
        assertThat(executed.holdId()).as("delivered from the auction's hold").isEqualTo(auctionId);
        assertThat(executed.sellerId()).isEqualTo(seller);
        assertThat(executed.buyerId()).isEqualTo(c);

        // closing again changes nothing
        assertThat(operator().post("/auctions/" + auctionId + "/close", null).expect(200).get("allocatedQuantity")
                .asLong()).isEqualTo(100);
        assertThat(as(seller).post("/auctions/" + auctionId + "/close", null).expect(200).get("status").asString())
                .isEqualTo("CLOSED");
        assertThat(as(a).post("/auctions/" + auctionId + "/close", null).status()).isEqualTo(403);
        assertThat(trades(instrument.instrumentId())).hasSize(3);
        assertCashOf(c, "1000.00", "110.00");

        JsonNode result = api().get("/market/auctions?instrumentId=" + instrument.instrumentId()).expect(200)
                .get("items").get(0);
        assertThat(result.get("allocatedQuantity").asLong()).isEqualTo(100);
        assertThat(result.get("bids").asInt()).isEqualTo(4);
        assertThat(result.get("winningBids").asInt()).isEqualTo(3);
        assertThat(money(result.get("highestPrice"))).isEqualByComparingTo("12.00");
        assertThat(money(result.get("lowestWinningPrice"))).isEqualByComparingTo("11.00");
        assertThat(result.get("tradedQuantity").asLong()).as("no delivery failed").isEqualTo(100);
        assertThat(money(result.get("turnover"))).isEqualByComparingTo("1140.00");
        assertThat(money(result.get("averagePrice"))).isEqualByComparingTo("11.40");
        assertThat(result.toString()).doesNotContain(seller.toString(), a.toString());
        assertReservedCashBacked(a, b, c, d, seller);

        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditsDelivered(UUID.randomUUID(),
                Instant.now(), cTrade, instrument.instrumentId(), c, 10,
                List.of(new SerialRange(instrument.instrumentId(), 1, 10))));
        awaitTrade(cTrade, "SETTLED");
        assertCashOf(c, "890.00", "0.00");
        assertCashOf(seller, "110.00", "0.00");
    }

    @Test
    void returnsWhatNoBidTookToTheSellerAndCreditsOfAFailedDeliveryToo() {
        Listed instrument = listInstrument(1000);
        UUID auctionId = announceAndHold(instrument, 100, "5.00", 5);
        UUID a = bidder("500.00");
        UUID b = bidder("500.00");
        bid(a, auctionId, 20, "6.00").expect(201);
        bid(b, auctionId, 40, "5.00").expect(201);

        assertThat(awaitClosed(auctionId).get("allocatedQuantity").asLong()).isEqualTo(60);

        assertThat(releaseOf(auctionId, 40)).as("the 40 no bid took go back to the seller").isNotNull();
        assertRefused(bid(b, auctionId, 1, "5.00"), 409, "auction-window-closed");
        assertCashOf(a, "500.00", "120.00");
        UUID aTrade = UUID.fromString(as(a).get("/auctions/" + auctionId + "/bids").expect(200).get(0).get("tradeId")
                .asString());
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditDeliveryFailed(UUID.randomUUID(),
                Instant.now(), aTrade, instrument.instrumentId(), "serials frozen"));

        awaitTrade(aTrade, "FAILED");
        assertThat(as(a).get("/trades/" + aTrade).expect(200).get("failureReason").asString()).isEqualTo("serials frozen");
        assertCashOf(a, "500.00", "0.00");
        assertThat(releaseOf(auctionId, 20)).as("the 20 not delivered go back to the seller").isNotNull();
        assertCashOf(b, "500.00", "200.00");
        assertReservedCashBacked(a, b);

        // the public result counts what the trade list shows: b's 40 at 5.00, not a's failed 20 at 6.00
        assertThat(api().get("/market/instruments/" + instrument.instrumentId() + "/trades").expect(200).get("items")
                .valueStream().map(t -> t.get("quantity").asLong() + "@" + money(t.get("price")).toPlainString()))
                .containsExactly("40@5.00");
        JsonNode result = api().get("/market/auctions?instrumentId=" + instrument.instrumentId()).expect(200)
                .get("items").get(0);
        assertThat(result.get("allocatedQuantity").asLong()).as("what the close allocated").isEqualTo(60);
        assertThat(result.get("winningBids").asInt()).isEqualTo(2);
        assertThat(result.get("tradedQuantity").asLong()).as("allocated less the failed delivery").isEqualTo(40);
        assertThat(money(result.get("turnover"))).isEqualByComparingTo("200.00");
        assertThat(money(result.get("averagePrice"))).isEqualByComparingTo("5.00");
    }

    @Test
    void anAuctionClosedBeforeItsHoldIsConfirmedAsksForTheCreditsBackAtOnce() {
        Listed instrument = listInstrument(1000);
        UUID auctionId = UUID.fromString(announce(instrument, 100, "5.00", null, Instant.now().plusSeconds(2))
                .expect(201).get("id").asString());
        holdRequestedFor(auctionId);

        assertThat(awaitClosed(auctionId).get("allocatedQuantity").asLong()).isZero();
        assertThat(releaseOf(auctionId, 100)).as("all 100 asked back in the close's commit, before any answer")
                .isNotNull();
        // the registry's confirmation, arriving later, changes nothing
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditsHeld(UUID.randomUUID(),
                Instant.now(), auctionId, instrument.instrumentId(), 100));

        assertThat(operator().get("/auctions/" + auctionId).expect(200).get("status").asString()).isEqualTo("CLOSED");
    }

    @Test
    void takesBidsOnlyOnceTheCreditsAreHeldAndWithinTheWindow() {
        Listed instrument = listInstrument(1000);
        String laterId = announce(instrument, 100, "5.00", Instant.now().plusSeconds(600), Instant.now().plusSeconds(900))
                .expect(201).get("id").asString();
        UUID later = UUID.fromString(laterId);
        UUID poor = bidder("10.00");

        assertRefused(bid(poor, later, 1, "5.00"), 409, "auction-awaiting-hold");
        hold(instrument, later, 100);
        assertRefused(bid(poor, later, 1, "5.00"), 409, "auction-not-started");

        UUID now = announceAndHold(instrument, 100, "5.00", 600);
        assertRefused(bid(poor, now, 3, "5.00"), 422, "insufficient-cash");
        assertCashOf(poor, "10.00", "0.00");
        assertThat(as(poor).get("/auctions/" + now + "/bids").expect(200).isEmpty()).isTrue();

        UUID unheld = UUID.fromString(announce(instrument, 100, "5.00", null, Instant.now().plusSeconds(600))
                .expect(201).get("id").asString());
        holdRequestedFor(unheld);
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditHoldRejected(UUID.randomUUID(),
                Instant.now(), unheld, instrument.instrumentId(), "the account holds 0 credits of this vintage"));
        await().atMost(PATIENCE).until(() -> operator().get("/auctions/" + unheld).expect(200).get("status")
                .asString(), "HOLD_REJECTED"::equals);
        assertRefused(bid(poor, unheld, 1, "5.00"), 409, "auction-window-closed");

        var past = announce(instrument, 100, "5.00", null, Instant.now().minusSeconds(1));
        assertThat(past.status()).isEqualTo(400);
        assertThat(past.json().get("errors").get(0).get("field").asString()).isEqualTo("endsAt");
    }

    @Test
    void refusesAStartInThePastBeyondAFewSecondsOfClockSkewChangingNothing() {
        Listed instrument = listInstrument(1000);
        long announced = operator().get("/auctions?limit=1").expect(200).get("total").asLong();

        var past = announce(instrument, 100, "5.00", Instant.now().minusSeconds(60), Instant.now().plusSeconds(600));

        assertThat(past.status()).as(past.body()).isEqualTo(400);
        assertThat(past.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:validation");
        JsonNode error = past.json().get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("startsAt");
        assertThat(error.get("rule").asString()).isEqualTo("NotPast");
        assertThat(operator().get("/auctions?limit=1").expect(200).get("total").asLong()).as("no auction announced")
                .isEqualTo(announced);
        // a start a second behind the exchange's clock is a client's clock skew, not a start in the past
        Instant skewed = Instant.now().minusSeconds(1).truncatedTo(ChronoUnit.MILLIS);
        JsonNode accepted = announce(instrument, 100, "5.00", skewed, Instant.now().plusSeconds(600)).expect(201);
        assertThat(Instant.parse(accepted.get("startsAt").asString())).isEqualTo(skewed);
    }

    @Test
    void aHaltedInstrumentTakesNoAuctionNorBidUntilTradingResumes() {
        Listed instrument = listInstrument(1000);
        UUID bidder = bidder("100.00");
        String halt = "/instruments/" + instrument.instrumentId() + "/halt";
        String resume = "/instruments/" + instrument.instrumentId() + "/resume";
        operator().post(halt, null).expect(200);

        assertRefused(announce(instrument, 100, "5.00", null, Instant.now().plusSeconds(600)), 409, "instrument-halted");
        operator().post(resume, null).expect(200);
        UUID auction = announceAndHold(instrument, 100, "5.00", 600);
        operator().post(halt, null).expect(200);
        assertRefused(bid(bidder, auction, 2, "5.00"), 409, "instrument-halted");
        assertCashOf(bidder, "100.00", "0.00");

        operator().post(resume, null).expect(200);
        bid(bidder, auction, 2, "5.00").expect(201);
        assertCashOf(bidder, "100.00", "10.00");
    }

    private ApiClient.Response announce(Listed instrument, long quantity, String floor, Instant startsAt, Instant endsAt) {
        Map<String, Object> body = new HashMap<>(Map.of("instrumentId", instrument.instrumentId(), "quantity", quantity,
                "floorPrice", new BigDecimal(floor), "endsAt", endsAt.toString()));
        if (startsAt != null) {
            body.put("startsAt", startsAt.toString());
        }
        return as(seller).post("/auctions", body);
    }

    private UUID announceAndHold(Listed instrument, long quantity, String floor, int seconds) {
        ApiClient.Response response = announce(instrument, quantity, floor, null, Instant.now().plusSeconds(seconds));
        JsonNode announced = response.expect(201);
        assertThat(announced.get("status").asString()).isEqualTo("PENDING_HOLD");
        UUID auctionId = UUID.fromString(announced.get("id").asString());
        assertThat(response.header("Location")).isEqualTo("/auctions/" + auctionId);
        hold(instrument, auctionId, quantity);
        return auctionId;
    }

    private void hold(Listed instrument, UUID auctionId, long quantity) {
        CreditHoldRequested request = holdRequestedFor(auctionId);
        assertThat(request.participantId()).isEqualTo(seller);
        assertThat(request.quantity()).isEqualTo(quantity);
        TestEvents.send(Topics.REGISTRY_HOLDS, instrument.instrumentId(), new CreditsHeld(UUID.randomUUID(),
                Instant.now(), auctionId, instrument.instrumentId(), quantity));
        await().atMost(PATIENCE).until(() -> operator().get("/auctions/" + auctionId).expect(200).get("status")
                .asString(), "OPEN"::equals);
    }

    private UUID bidder(String cash) {
        UUID bidder = trader();
        deposit(bidder, cash);
        return bidder;
    }

    private ApiClient.Response bid(UUID bidder, UUID auctionId, long quantity, String price) {
        return as(bidder).post("/auctions/" + auctionId + "/bids", Map.of("quantity", quantity, "price",
                new BigDecimal(price)));
    }

    private JsonNode awaitClosed(UUID auctionId) {
        await().atMost(PATIENCE).until(() -> operator().get("/auctions/" + auctionId).expect(200).get("status")
                .asString(), "CLOSED"::equals);
        return operator().get("/auctions/" + auctionId).expect(200);
    }

    private CreditHoldReleaseRequested releaseOf(UUID auctionId, long quantity) {
        return TestEvents.await(Topics.TRADING_ORDERS, CreditHoldReleaseRequested.class,
                e -> e.holdId().equals(auctionId) && e.quantity() == quantity, PATIENCE).stream().findFirst().orElse(null);
    }

    private void assertBid(UUID bidder, UUID auctionId, String status, long allocated) {
        JsonNode bid = as(bidder).get("/auctions/" + auctionId + "/bids").expect(200).get(0);
        assertThat(bid.get("status").asString()).as("bid status").isEqualTo(status);
        assertThat(bid.get("allocatedQuantity").asLong()).isEqualTo(allocated);
        assertThat(money(bid.get("reservedCash"))).isEqualByComparingTo("0.00");
    }

    private static void assertRefused(ApiClient.Response response, int status, String type) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:" + type);
    }
}
