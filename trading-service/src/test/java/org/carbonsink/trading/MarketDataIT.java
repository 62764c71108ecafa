package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Public market data, read without a token. */
class MarketDataIT extends TradingIntegration {

    @Autowired
    JdbcClient jdbc;

    @Test
    void depthSumsTheOpenOrdersPerPriceLevelBestFirst() {
        Listed instrument = listInstrument(1000);
        UUID buyer = trader();
        deposit(buyer, "1000.00");
        placeOrder(buyer, instrument.instrumentId(), "BUY", 3, "9.00");
        placeOrder(buyer, instrument.instrumentId(), "BUY", 1, "8.50");
        placeOrder(buyer, instrument.instrumentId(), "BUY", 2, "9.00");
        sellWithCreditsHeld(trader(), instrument, 4, "10.00");
        sellWithCreditsHeld(trader(), instrument, 6, "10.50");

        JsonNode depth = api().get("/market/instruments/" + instrument.instrumentId() + "/depth").expect(200);

        assertThat(levels(depth.get("bids"))).containsExactly("9.00:5:2", "8.50:1:1");
        assertThat(levels(depth.get("asks"))).containsExactly("10.00:4:1", "10.50:6:1");
        JsonNode top = api().get("/market/instruments/" + instrument.instrumentId() + "/depth?levels=1").expect(200);
        assertThat(levels(top.get("bids"))).containsExactly("9.00:5:2");
        assertThat(levels(top.get("asks"))).containsExactly("10.00:4:1");
        assertThat(depth.toString()).doesNotContain(buyer.toString());
    }

    @Test
    void dailyBarsAreTradingDaysInShanghaiFromBookTradesThatDidNotFail() {
        Listed instrument = listInstrument(1000);
        String id = instrument.instrumentId();
        // 2026-03-02 in Shanghai (UTC+8): 09:30, 11:00 and 23:59:59 local time
        bookTrade(id, "2026-03-02T01:30:00Z", "10.00", 5, "SETTLED");
        bookTrade(id, "2026-03-02T03:00:00Z", "12.00", 3, "SETTLED");
        bookTrade(id, "2026-03-02T15:59:59Z", "9.00", 2, "PENDING_DELIVERY");
        // 2026-03-03 00:00 local time, still 2 March in UTC
        bookTrade(id, "2026-03-02T16:00:00Z", "11.00", 1, "SETTLED");
        bookTrade(id, "2026-03-02T17:00:00Z", "50.00", 7, "FAILED");
        blockTrade(id, "2026-03-02T18:00:00Z", "99.00", 100);

        JsonNode bars = api().get("/market/instruments/" + id + "/daily?from=2026-03-01&to=2026-03-03").expect(200);

        assertThat(bars).hasSize(2);
        assertBar(bars.get(0), "2026-03-02", "10.00", "12.00", "9.00", "9.00", 10, "104.00", 3);
        assertBar(bars.get(1), "2026-03-03", "11.00", "11.00", "11.00", "11.00", 1, "11.00", 1);
        assertThat(api().get("/market/instruments/" + id + "/daily?from=2026-03-03&to=2026-03-03").expect(200))
                .hasSize(1);

        JsonNode recent = api().get("/market/instruments/" + id + "/trades?limit=2").expect(200);
        assertThat(recent.get("total").asLong()).as("every venue, the failed trade left out").isEqualTo(5);
        assertThat(recent.get("items").valueStream().map(t -> t.get("venue").asString() + "@"
                + money(t.get("price")).toPlainString())).containsExactly("BLOCK@99.00", "BOOK@11.00");
        assertThat(api().get("/market/instruments/" + id + "/trades?offset=4").expect(200).get("items").get(0)
                .get("price").decimalValue()).isEqualByComparingTo("10.00");
    }

    @Test
    void publicTradeListsAnswerCsvToo() throws Exception {
        Listed instrument = listInstrument(1000);
        String id = instrument.instrumentId();
        bookTrade(id, "2026-03-02T01:30:00Z", "10.00", 5, "SETTLED");
        blockTrade(id, "2026-03-02T02:00:00Z", "99.00", 100);

        HttpResponse<String> market = csv("/market/instruments/" + id + "/trades");
        assertThat(market.statusCode()).as(market.body()).isEqualTo(200);
        assertThat(market.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(market.headers().firstValue("X-Total-Count").orElseThrow()).isEqualTo("2");
        String[] lines = market.body().split("\r\n");
        assertThat(lines[0]).isEqualTo("id,venue,quantity,price,amount,status,executedAt");
        assertThat(lines).hasSize(3);
        assertThat(lines[1]).matches(".*,BLOCK,100,99(\\.00)?,9900(\\.00)?,PENDING_DELIVERY,2026-03-02T02:00:00Z");
        assertThat(lines[2]).matches(".*,BOOK,5,10(\\.00)?,50(\\.00)?,SETTLED,2026-03-02T01:30:00Z");
        HttpResponse<String> trades = csv("/trades?instrumentId=" + id);
        assertThat(trades.statusCode()).as(trades.body()).isEqualTo(200);
        assertThat(trades.body().split("\r\n")).hasSize(3);
        assertThat(api().get("/market/instruments/" + id + "/trades").expect(200).get("total").asLong())
                .as("JSON stays the default").isEqualTo(2);
    }

    /** A list with nothing in it still names its columns, as the depth and daily bars do. */
    @Test
    void anEmptyPublicListAnswersItsCsvHeader() throws Exception {
        String id = listInstrument(1000).instrumentId();

        HttpResponse<String> none = csv("/market/instruments/" + id + "/trades");
        assertThat(none.statusCode()).as(none.body()).isEqualTo(200);
        assertThat(none.body()).isEqualTo("id,venue,quantity,price,amount,status,executedAt\r\n");
        assertThat(none.headers().firstValue("X-Total-Count")).contains("0");
        assertThat(csv("/market/block-trades?instrumentId=" + id).body()).startsWith("id,").endsWith("\r\n")
                .doesNotContain("\r\n" + id);
    }

    @Test
    void depthAndDailyBarsAnswerCsvToo() throws Exception {
        Listed instrument = listInstrument(1000);
        String id = instrument.instrumentId();
        UUID buyer = trader();
        deposit(buyer, "1000.00");
        placeOrder(buyer, id, "BUY", 3, "9.00");
        placeOrder(buyer, id, "BUY", 1, "8.50");
        sellWithCreditsHeld(trader(), instrument, 4, "10.00");
        bookTrade(id, "2026-03-02T01:30:00Z", "10.00", 5, "SETTLED");
        bookTrade(id, "2026-03-02T03:00:00Z", "12.00", 3, "SETTLED");

        HttpResponse<String> depth = csv("/market/instruments/" + id + "/depth");
        assertThat(depth.statusCode()).as(depth.body()).isEqualTo(200);
        assertThat(depth.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(depth.body().split("\r\n")).containsExactly("side,level,price,quantity,orders",
                "BID,1,9.00,3,1", "BID,2,8.50,1,1", "ASK,1,10.00,4,1");
        HttpResponse<String> daily = csv("/market/instruments/" + id + "/daily?from=2026-03-01&to=2026-03-03");
        assertThat(daily.statusCode()).as(daily.body()).isEqualTo(200);
        assertThat(daily.body().split("\r\n")).containsExactly("day,open,high,low,close,volume,turnover,trades",
                "2026-03-02,10.00,12.00,10.00,12.00,8,86.00,2");
        assertThat(csv("/market/instruments/" + id + "/daily?from=2025-03-01&to=2025-03-03").body())
                .isEqualTo("day,open,high,low,close,volume,turnover,trades\r\n");
        assertThat(csv("/market/instruments/" + id + "/daily?from=2026-03-05&to=2026-03-01").statusCode())
                .isEqualTo(400);
        assertThat(csv("/market/instruments/NOPE-2025/depth").statusCode()).isEqualTo(404);
    }

    private HttpResponse<String> csv(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(api().baseUrl() + path))
                .header("Accept", "text/csv").GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void refusesBadQueriesNamingTheFieldAndUnknownInstruments() {
        Listed instrument = listInstrument(10);
        String id = instrument.instrumentId();

        var backwards = api().get("/market/instruments/" + id + "/daily?from=2026-03-05&to=2026-03-01");
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("errors").get(0).get("field").asString()).isEqualTo("from");
        var tooLong = api().get("/market/instruments/" + id + "/daily?from=2024-01-01&to=2026-03-01");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(api().get("/market/instruments/" + id + "/depth?levels=0").status()).isEqualTo(400);
        assertThat(api().get("/market/instruments/" + id + "/daily?from=yesterday").status()).isEqualTo(400);
        assertThat(api().get("/market/instruments/P999999-1999/depth").status()).isEqualTo(404);
        assertThat(api().get("/market/instruments/P999999-1999/trades").status()).isEqualTo(404);
        assertThat(api().get("/market/instruments/" + id + "/daily").expect(200).isEmpty()).isTrue();
    }

    /**
     * Every public read that names an instrument answers the same for one that is not listed: 404 naming
     * {@code instrumentId}, never an empty 200 that reads as "listed, nothing traded yet".
     */
    @Test
    void everyPublicReadOfAnInstrumentThatIsNotListedAnswers404NamingIt() throws Exception {
        String unknown = "P999998-1999";
        List<String> paths = List.of("/market/instruments/" + unknown + "/depth",
                "/market/instruments/" + unknown + "/trades", "/market/instruments/" + unknown + "/daily",
                "/market/block-trades?instrumentId=" + unknown, "/market/auctions?instrumentId=" + unknown,
                "/trades?instrumentId=" + unknown, "/instruments/" + unknown, "/instruments/" + unknown + "/book",
                "/block-trade-rules/" + unknown);
        for (String path : paths) {
            var answer = api().get(path);
            assertThat(answer.status()).as(path + ": " + answer.body()).isEqualTo(404);
            assertThat(answer.json().get("type").asString()).as(path).isEqualTo("urn:carbonsink:problem:not-found");
            assertThat(answer.json().get("instrumentId")).as(path + ": " + answer.body()).isNotNull();
            assertThat(answer.json().get("instrumentId").asString()).as(path).isEqualTo(unknown);
        }
        assertThat(csv("/market/auctions?instrumentId=" + unknown).statusCode()).isEqualTo(404);
        assertThat(csv("/market/block-trades?instrumentId=" + unknown).statusCode()).isEqualTo(404);

        String listed = listInstrument(10).instrumentId();
        assertThat(api().get("/market/auctions?instrumentId=" + listed).expect(200).get("total").asLong()).isZero();
        assertThat(api().get("/market/block-trades?instrumentId=" + listed).expect(200).get("total").asLong()).isZero();
        assertThat(api().get("/trades?instrumentId=" + listed).expect(200).get("total").asLong()).isZero();
        assertThat(api().get("/market/auctions").status()).as("without a filter, every instrument").isEqualTo(200);
    }

    private static List<String> levels(JsonNode side) {
        return side.valueStream().map(l -> money(l.get("price")).toPlainString() + ":" + l.get("quantity").asLong()
                + ":" + l.get("orders").asInt()).toList();
    }

    private static void assertBar(JsonNode bar, String day, String open, String high, String low, String close,
            long volume, String turnover, int trades) {
        assertThat(bar.get("day").asString()).isEqualTo(day);
        assertThat(money(bar.get("open"))).as("open").isEqualByComparingTo(open);
        assertThat(money(bar.get("high"))).as("high").isEqualByComparingTo(high);
        assertThat(money(bar.get("low"))).as("low").isEqualByComparingTo(low);
        assertThat(money(bar.get("close"))).as("close").isEqualByComparingTo(close);
        assertThat(bar.get("volume").asLong()).as("volume").isEqualTo(volume);
        assertThat(money(bar.get("turnover"))).as("turnover").isEqualByComparingTo(turnover);
        assertThat(bar.get("trades").asInt()).isEqualTo(trades);
    }

    /** A book trade at a known time, with its two filled orders, written as the exchange would have. */
    private void bookTrade(String instrumentId, String at, String price, long quantity, String status) {
        UUID buyer = UUID.randomUUID();
        UUID seller = UUID.randomUUID();
        UUID buy = filledOrder(instrumentId, buyer, "BUY", quantity, price, at);
        UUID sell = filledOrder(instrumentId, seller, "SELL", quantity, price, at);
        jdbc.sql("""
                insert into trade (id, instrument_id, buy_order_id, sell_order_id, buyer_id, seller_id, quantity, price,
                                   amount, status, failure_code, failure_reason, executed_at, closed_at)
                values (:id, :instrumentId, :buy, :sell, :buyer, :seller, :quantity, :price, :amount, :status,
                        case when :status = 'FAILED' then 'DELIVERY_REFUSED' end,
                        case when :status = 'FAILED' then 'test' end, :at,
                        case when :status <> 'PENDING_DELIVERY' then cast(:at as timestamptz) end)
                """).param("id", UUID.randomUUID()).param("instrumentId", instrumentId).param("buy", buy)
                .param("sell", sell).param("buyer", buyer).param("seller", seller).param("quantity", quantity)
                .param("price", new BigDecimal(price)).param("amount", new BigDecimal(price).multiply(
                        BigDecimal.valueOf(quantity))).param("status", status).param("at", timestamp(at)).update();
    }

    private void blockTrade(String instrumentId, String at, String price, long quantity) {
        jdbc.sql("""
                insert into trade (id, instrument_id, venue, buyer_id, seller_id, quantity, price, amount, status,
                                   executed_at)
                values (:id, :instrumentId, 'BLOCK', :buyer, :seller, :quantity, :price, :amount, 'PENDING_DELIVERY', :at)
                """).param("id", UUID.randomUUID()).param("instrumentId", instrumentId)
                .param("buyer", UUID.randomUUID()).param("seller", UUID.randomUUID()).param("quantity", quantity)
                .param("price", new BigDecimal(price)).param("amount", new BigDecimal(price).multiply(
                        BigDecimal.valueOf(quantity))).param("at", timestamp(at)).update();
    }

    private UUID filledOrder(String instrumentId, UUID participant, String side, long quantity, String price, String at) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                insert into exchange_order (id, instrument_id, participant_id, side, quantity, limit_price,
                                            filled_quantity, reserved_cash, status, placed_at, updated_at)
                values (:id, :instrumentId, :participant, :side, :quantity, :price, :quantity, 0, 'FILLED', :at, :at)
                """).param("id", id).param("instrumentId", instrumentId).param("participant", participant)
                .param("side", side).param("quantity", quantity).param("price", new BigDecimal(price))
                .param("at", timestamp(at)).update();
        return id;
    }

    private static Timestamp timestamp(String at) {
        return Timestamp.from(Instant.parse(at));
    }
}
