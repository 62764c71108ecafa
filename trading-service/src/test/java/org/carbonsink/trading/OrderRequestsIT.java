package org.carbonsink.trading;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.carbonsink.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** What the API refuses, and whose data each participant may see. */
class OrderRequestsIT extends TradingIntegration {

    @Test
    void anInvalidOrderIsRefusedNamingEachField() {
        var response = as(UUID.randomUUID()).post("/orders",
                Map.of("instrumentId", "", "quantity", 0, "limitPrice", new BigDecimal("1.234")));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:validation");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString() + " "
                + e.get("rule").asString() + ": " + e.get("message").asString())).containsExactlyInAnyOrder(
                        "instrumentId NotBlank: must not be blank", "side NotNull: must not be null",
                        "quantity Min: must be greater than or equal to 1",
                        "limitPrice Digits: numeric value out of bounds (<15 digits>.<2 digits> expected)");
    }

    /** Each constraint of an order on its own, as the batch's items are checked too (PlaceOrderRequestTest). */
    @Test
    void anOrderBreakingOneConstraintIsRefusedNamingItsFieldAndRule() {
        UUID caller = UUID.randomUUID();
        Map<String, String> refused = Map.of(
                "{\"instrumentId\":\" \",\"side\":\"BUY\",\"quantity\":1,\"limitPrice\":1.00}", "instrumentId NotBlank",
                "{\"instrumentId\":\"P000001-2025\",\"quantity\":1,\"limitPrice\":1.00}", "side NotNull",
                "{\"instrumentId\":\"P000001-2025\",\"side\":\"BUY\",\"limitPrice\":1.00}", "quantity NotNull",
                "{\"instrumentId\":\"P000001-2025\",\"side\":\"BUY\",\"quantity\":1000000001,\"limitPrice\":1.00}",
                "quantity Max",
                "{\"instrumentId\":\"P000001-2025\",\"side\":\"BUY\",\"quantity\":1,\"limitPrice\":0}", "limitPrice Positive",
                "{\"instrumentId\":\"P000001-2025\",\"side\":\"BUY\",\"quantity\":1,\"limitPrice\":1.001}",
                "limitPrice Digits");
        refused.forEach((order, problem) -> {
            var response = as(caller).post("/orders", order);

            assertThat(response.status()).as(order).isEqualTo(400);
            assertThat(response.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:validation");
            assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString() + " "
                    + e.get("rule").asString())).as(order).containsExactly(problem);
        });
    }

    @Test
    void anUnknownSideIsRefusedNamingTheField() {
        var response = as(UUID.randomUUID()).post("/orders",
                "{\"instrumentId\":\"P000001-2025\",\"side\":\"HOLD\",\"quantity\":1,\"limitPrice\":1.00}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("side");
    }

    /** A value outside an enum does not hide the body's other invalid fields: the 400 names them all. */
    @Test
    void anUnknownEnumValueIsRefusedTogetherWithEveryOtherInvalidField() {
        var response = as(UUID.randomUUID()).post("/orders", "{\"instrumentId\":\"\",\"side\":\"HOLD\","
                + "\"timeInForce\":\"SOMETIMES\",\"quantity\":0,\"limitPrice\":1.00}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:validation");
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString() + " "
                + e.get("rule").asString())).containsExactly(
                        "side one-of", "timeInForce one-of", "instrumentId NotBlank", "quantity Min");
        assertThat(response.json().get("errors").get(1).get("message").asString()).contains("GTC", "IOC", "FOK");
        assertThat(response.json().get("detail").asString()).contains("side", "timeInForce", "instrumentId",
                "quantity");
    }

    @Test
    void anUnknownEnumValueAndNumbersThatAreNotNumbersAreRefusedTogether() {
        var response = as(UUID.randomUUID()).post("/orders", "{\"instrumentId\":\"P000001-2025\","
                + "\"side\":\"HOLD\",\"quantity\":\"many\",\"limitPrice\":\"cheap\"}");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").valueStream().map(e -> e.get("field").asString() + " "
                + e.get("rule").asString() + ": " + e.get("message").asString())).containsExactly(
                        "side one-of: must be one of [BUY, SELL]", "quantity type: must be a whole number",
                        "limitPrice type: must be a number");
    }

    @Test
    void aQuantityThatIsNotAWholeNumberIsRefusedInTheCallersTerms() {
        var fractional = as(UUID.randomUUID()).post("/orders",
                "{\"instrumentId\":\"P000001-2025\",\"side\":\"BUY\",\"quantity\":1.5,\"limitPrice\":1.00}");
        var tooLarge = as(UUID.randomUUID()).post("/orders",
                "{\"instrumentId\":\"P000001-2025\",\"side\":\"BUY\",\"quantity\":99999999999999999999,\"limitPrice\":1.00}");

        assertThat(fractional.status()).isEqualTo(400);
        assertThat(fractional.json().get("errors").get(0).get("field").asString()).isEqualTo("quantity");
        assertThat(fractional.json().get("errors").get(0).get("message").asString()).isEqualTo("must be a whole number");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().get("errors").get(0).get("message").asString())
                .isEqualTo("must be a whole number from -9223372036854775808 to 9223372036854775807");
    }

    @Test
    void anOrderForAnUnlistedInstrumentIsRefused() {
        var response = as(trader()).post("/orders", order("P999999-1999", "SELL", 1, "1.00"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("type").asString()).isEqualTo("urn:carbonsink:problem:unknown-instrument");
    }

    @Test
    void anOrderIsVisibleToItsOwnerOnly() {
        Listed instrument = listInstrument(10);
        UUID owner = trader();
        UUID orderId = UUID.fromString(placeOrder(owner, instrument.instrumentId(), "SELL", 1, "1.00").get("id")
                .asString());

        assertThat(as(UUID.randomUUID()).get("/orders/" + orderId).status()).isEqualTo(403);
        assertThat(as(owner).get("/orders/" + orderId).status()).isEqualTo(200);
        assertThat(as(owner).get("/orders/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(api().get("/orders/" + orderId).status()).as("without a participant").isEqualTo(401);
    }

    /** The database keeps microseconds: the times a placement answers are the ones the order reads back with. */
    @Test
    void anOrderReadsBackWithTheTimesItsPlacementAnswered() {
        Listed instrument = listInstrument(10);
        UUID owner = trader();
        deposit(owner, "10.00");
        JsonNode placed = placeOrder(owner, instrument.instrumentId(), "BUY", 1, "1.00");

        JsonNode read = as(owner).get("/orders/" + placed.get("id").asString()).expect(200);

        assertThat(read.get("placedAt").asString()).isEqualTo(placed.get("placedAt").asString());
        assertThat(read.get("updatedAt").asString()).isEqualTo(placed.get("updatedAt").asString());
    }

    @Test
    void listsTheCallersOwnOrdersByStatus() {
        Listed instrument = listInstrument(10);
        UUID owner = trader();
        placeOrder(owner, instrument.instrumentId(), "SELL", 1, "1.00");
        placeOrder(owner, instrument.instrumentId(), "SELL", 2, "2.00");
        placeOrder(trader(), instrument.instrumentId(), "SELL", 3, "3.00");

        JsonNode page = as(owner).get("/orders?status=PENDING_HOLD&limit=1").expect(200);

        assertThat(page.get("total").asLong()).isEqualTo(2);
        assertThat(page.get("items")).hasSize(1);
        assertThat(page.get("items").get(0).get("quantity").asLong()).as("newest first").isEqualTo(2);
        assertThat(as(owner).get("/orders?status=OPEN").expect(200).get("total").asLong()).isZero();
        assertThat(as(owner).get("/orders?limit=501").status()).isEqualTo(400);
    }

    @Test
    void listsTheCallersOrdersByInstrumentAndSideTogetherInPagesAndAsCsv() throws Exception {
        Listed first = listInstrument(10);
        Listed second = listInstrument(10);
        UUID owner = trader();
        deposit(owner, "1000.00");
        placeOrder(owner, first.instrumentId(), "SELL", 1, "1.00");
        placeOrder(owner, first.instrumentId(), "BUY", 2, "0.50");
        placeOrder(owner, first.instrumentId(), "BUY", 3, "0.40");
        placeOrder(owner, second.instrumentId(), "BUY", 4, "0.50");
        placeOrder(trader(), first.instrumentId(), "SELL", 5, "1.00");

        JsonNode ofFirst = as(owner).get("/orders?instrumentId=" + first.instrumentId()).expect(200);
        assertThat(ofFirst.get("total").asLong()).isEqualTo(3);
        assertThat(ofFirst.get("items").valueStream().map(o -> o.get("instrumentId").asString()))
                .containsOnly(first.instrumentId());
        JsonNode buysOfFirst = as(owner).get("/orders?side=BUY&instrumentId=" + first.instrumentId() + "&limit=1&offset=1")
                .expect(200);
        assertThat(buysOfFirst.get("total").asLong()).as("instrument AND side").isEqualTo(2);
        assertThat(buysOfFirst.get("items")).singleElement()
                .satisfies(o -> assertThat(o.get("quantity").asLong()).as("the older of the two").isEqualTo(2));
        assertThat(as(owner).get("/orders?side=SELL").expect(200).get("total").asLong()).isEqualTo(1);
        assertThat(as(owner).get("/orders?side=BUY&status=PENDING_HOLD").expect(200).get("total").asLong()).isZero();

        HttpResponse<String> csv = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(api().baseUrl() + "/orders?side=BUY&instrumentId=" + second.instrumentId()))
                .header("Accept", "text/csv").header("Authorization", "Bearer " + TestTokens.forParticipant(owner))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(csv.statusCode()).as(csv.body()).isEqualTo(200);
        assertThat(csv.headers().firstValue("X-Total-Count")).hasValue("1");
        assertThat(csv.body().split("\r\n")).as("a header and one order").hasSize(2);
    }

    @Test
    void refusesAnUnknownSideAndAnyParameterTheListDoesNotTake() {
        UUID owner = trader();

        var sideways = as(owner).get("/orders?side=SIDEWAYS");
        assertThat(sideways.status()).isEqualTo(400);
        assertThat(sideways.json().get("errors").get(0).get("field").asString()).isEqualTo("side");
        assertThat(sideways.json().get("errors").get(0).get("rule").asString()).isEqualTo("one-of");
        assertThat(sideways.json().get("errors").get(0).get("message").asString()).contains("BUY", "SELL");

        var someoneElses = as(owner).get("/orders?participantId=" + UUID.randomUUID());
        assertThat(someoneElses.status()).isEqualTo(400);
        assertThat(someoneElses.json().get("errors").get(0).get("field").asString()).isEqualTo("participantId");
        assertThat(someoneElses.json().get("errors").get(0).get("rule").asString()).isEqualTo("unknown-parameter");
        assertThat(someoneElses.json().get("detail").asString()).contains("instrumentId", "side", "status");
        assertThat(api().get("/trades?status=SETTLED").json().get("errors").get(0).get("field").asString())
                .as("every list of the exchange").isEqualTo("status");
        assertThat(api().get("/instruments?instrumentId=P1-2025").status()).isEqualTo(400);
    }

    /** As the public lists: not listed is 404 naming the instrument, a blank one 400 naming the field. */
    @Test
    void listingOnesOrdersOfAnInstrumentThatIsNotListedIsRefusedNotAnsweredEmpty() {
        UUID owner = trader();

        var unlisted = as(owner).get("/orders?instrumentId=P999997-1999");
        assertThat(unlisted.status()).as(unlisted.body()).isEqualTo(404);
        assertThat(unlisted.json().get("instrumentId").asString()).isEqualTo("P999997-1999");
        for (String path : List.of("/orders?instrumentId=", "/trades?instrumentId=", "/market/auctions?instrumentId=",
                "/market/block-trades?instrumentId=%20")) {
            var blank = path.startsWith("/orders") ? as(owner).get(path) : api().get(path);
            assertThat(blank.status()).as(path + ": " + blank.body()).isEqualTo(400);
            assertThat(blank.json().get("errors").get(0).get("field").asString()).as(path).isEqualTo("instrumentId");
        }
        String listed = listInstrument(10).instrumentId();
        assertThat(as(owner).get("/orders?instrumentId=" + listed).expect(200).get("total").asLong()).isZero();
    }

    @Test
    void aCashAccountIsUsedByItsOwnerOnly() {
        UUID owner = trader();
        deposit(owner, "10.00");

        assertThat(as(UUID.randomUUID()).get("/cash-accounts/" + owner).status()).isEqualTo(403);
        assertThat(as(UUID.randomUUID()).post("/cash-accounts/" + owner + "/deposits", Map.of("amount", 5)).status())
                .isEqualTo(403);
        assertThat(money(deposit(owner, "5.50").get("balance"))).isEqualByComparingTo("15.50");
    }

    @Test
    void describesItsApi() {
        JsonNode docs = api().get("/v3/api-docs").expect(200);

        assertThat(docs.get("paths").propertyNames()).contains("/orders", "/orders/{id}", "/instruments/{id}/book",
                "/cash-accounts/{participantId}/deposits", "/trades/{id}");
    }

    @Test
    void aDepositIsPositiveWithAtMostTwoDecimals() {
        UUID owner = UUID.randomUUID();

        for (String amount : new String[] {"0", "-1.00", "1.001"}) {
            var response = as(owner).post("/cash-accounts/" + owner + "/deposits", "{\"amount\":" + amount + "}");
            assertThat(response.status()).as(amount).isEqualTo(400);
            assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("amount");
        }
        assertThat(as(owner).get("/cash-accounts/" + owner).status()).isEqualTo(404);
    }
}
