package org.carbonsink.trading.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The behaviour every order book must have, written as tables of orders; run against each
 * implementation by a subclass.
 */
abstract class OrderBookTest {

    static final Instant NOW = Instant.parse("2025-06-01T09:30:00Z");
    private static final Map<UUID, String> NAMES = new ConcurrentHashMap<>();

    abstract OrderBook newBook(Clock clock);

    @Test
    void restsBothOrdersWhenTheyDoNotCross() {
        given("""
                side | order | qty | price
                SELL | s1    |  50 | 10.50
                """)
                .place("BUY b1 40 10.00")
                .fills("""
                        buy | sell | qty | price
                        """)
                .leaves("""
                        side | order | qty | price
                        BUY  | b1    |  40 | 10.00
                        SELL | s1    |  50 | 10.50
                        """);
    }

    @Test
    void fillsBothOrdersInFullAtTheSamePriceAndQuantity() {
        given("""
                side | order | qty | price
                SELL | s1    |  50 | 10.00
                """)
                .place("BUY b1 50 10.00")
                .fills("""
                        buy | sell | qty | price
                        b1  | s1   |  50 | 10.00
                        """)
                .leaves("""
                        side | order | qty | price
                        """);
    }

    @Test
    void restsTheRemainderOfAnIncomingOrderThatIsPartlyFilled() {
        given("""
                side | order | qty | price
                SELL | s1    |  30 | 10.00
                """)
                .place("BUY b1 50 10.20")
                .fills("""
                        buy | sell | qty | price
                        b1  | s1   |  30 | 10.00
                        """)
                .leaves("""
                        side | order | qty | price
                        BUY  | b1    |  20 | 10.20
                        """);
    }

    @Test
    void leavesTheRemainderOfARestingOrderThatIsPartlyFilled() {
        given("""
                side | order | qty | price
                BUY  | b1    | 100 | 10.00
                """)
                .place("SELL s1 40 9.50")
                .fills("""
                        buy | sell | qty | price
                        b1  | s1   |  40 | 10.00
                        """)
                .leaves("""
                        side | order | qty | price
                        BUY  | b1    |  60 | 10.00
                        """);
    }

    @Test
    void walksSeveralAskLevelsUpToTheLimitAtEachRestingPrice() {
        given("""
                side | order | qty | price
                SELL | s3    |  20 | 10.60
                SELL | s1    |  30 | 10.40
                SELL | s2    |  50 | 10.50
                BUY  | b0    |  10 | 10.00
                """)
                .place("BUY b1 60 10.50")
                .fills("""
                        buy | sell | qty | price
                        b1  | s1   |  30 | 10.40
                        b1  | s2   |  30 | 10.50
                        """)
                .leaves("""
                        side | order | qty | price
                        BUY  | b0    |  10 | 10.00
                        SELL | s2    |  20 | 10.50
                        SELL | s3    |  20 | 10.60
                        """);
    }

    @Test
    void walksSeveralBidLevelsAndRestsWhatIsLeftOfTheSellOrder() {
        given("""
                side | order | qty | price
                BUY  | b3    |  10 | 10.00
                BUY  | b1    |  10 | 11.00
                BUY  | b2    |  10 | 10.50
                """)
                .place("SELL s1 25 10.50")
                .fills("""
                        buy | sell | qty | price
                        b1  | s1   |  10 | 11.00
                        b2  | s1   |  10 | 10.50
                        """)
                .leaves("""
                        side | order | qty | price
                        BUY  | b3    |  10 | 10.00
                        SELL | s1    |   5 | 10.50
                        """);
    }

    @Test
    void fillsTheEarliestOrderFirstAtAnEqualPrice() {
        given("""
                side | order | qty | price
                SELL | s1    |  20 | 10.00
                SELL | s2    |  20 | 10.0
                SELL | s3    |  20 | 10.00
                """)
                .place("BUY b1 30 10.00")
                .fills("""
                        buy | sell | qty | price
                        b1  | s1   |  20 | 10.00
                        b1  | s2   |  10 | 10.00
                        """)
                .leaves("""
                        side | order | qty | price
                        SELL | s2    |  10 | 10.00
                        SELL | s3    |  20 | 10.00
                        """);
    }

    @Test
    void aPartlyFilledRestingOrderKeepsItsPlaceInTime() {
        given("""
                side | order | qty | price
                SELL | s1    |  50 | 10.00
                SELL | s2    |  50 | 10.00
                """)
                .place("BUY b1 20 10.00")
                .place("BUY b2 40 10.00")
                .fills("""
                        buy | sell | qty | price
                        b1  | s1   |  20 | 10.00
                        b2  | s1   |  30 | 10.00
                        b2  | s2   |  10 | 10.00
                        """)
                .leaves("""
                        side | order | qty | price
                        SELL | s2    |  40 | 10.00
                        """);
    }

    @Test
    void aBetterPriceBeatsAnEarlierOrder() {
        given("""
                side | order | qty | price
                BUY  | b1    |  10 | 10.00
                BUY  | b2    |  10 | 10.10
                """)
                .place("SELL s1 10 9.00")
                .fills("""
                        buy | sell | qty | price
                        b2  | s1   |  10 | 10.10
                        """)
                .leaves("""
                        side | order | qty | price
                        BUY  | b1    |  10 | 10.00
                        """);
    }

    @Test
    void stampsFillsWithTheClockAndNamesTheIncomingOrder() {
        OrderBook book = newBook(Clock.fixed(NOW, ZoneOffset.UTC));
        book.rest(order("SELL s1 10 10.00"));

        List<Fill> fills = book.place(order("BUY b1 10 10.00"));

        assertThat(fills).containsExactly(new Fill(id("b1"), id("s1"), participant("b1"), participant("s1"), id("b1"),
                10, new BigDecimal("10.00"), NOW));
    }

    @Test
    void refusesToRestAnOrderThatCrossesTheBook() {
        OrderBook book = newBook(Clock.fixed(NOW, ZoneOffset.UTC));
        book.rest(order("SELL s1 10 10.00"));

        assertThatThrownBy(() -> book.rest(order("BUY b1 10 10.00"))).isInstanceOf(IllegalStateException.class);
        assertThat(book.bids()).isEmpty();
    }

    // the table DSL: orders are named; ids and participants derive from the names

    Scenario given(String table) {
        OrderBook book = newBook(Clock.fixed(NOW, ZoneOffset.UTC));
        rows(table).forEach(row -> book.rest(order(row)));
        return new Scenario(book);
    }

    static final class Scenario {
        private final OrderBook book;
        private final List<Fill> fills = new ArrayList<>();

        Scenario(OrderBook book) {
            this.book = book;
        }

        Scenario place(String order) {
            fills.addAll(book.place(order(order.split("\\s+"))));
            return this;
        }

        /** The fills of all orders placed, in order: buy, sell, quantity, price. */
        Scenario fills(String table) {
            assertThat(fills.stream().map(f -> List.of(name(f.buyOrderId()), name(f.sellOrderId()),
                    String.valueOf(f.quantity()), f.price().setScale(2).toPlainString())).toList())
                    .containsExactlyElementsOf(rows(table).map(List::of).toList());
            return this;
        }

        /** What rests in the book: bids best first, then asks best first. */
        Scenario leaves(String table) {
            List<List<String>> resting = Stream.concat(book.bids().stream(), book.asks().stream())
                    .map(o -> List.of(o.side().name(), name(o.id()), String.valueOf(o.quantity()),
                            o.limitPrice().setScale(2).toPlainString()))
                    .toList();
            assertThat(resting).containsExactlyElementsOf(rows(table).map(List::of).toList());
            return this;
        }
    }

    private static Stream<String[]> rows(String table) {
        return table.lines().skip(1).map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new));
    }

    static BookOrder order(String row) {
        return order(row.split("\\s+"));
    }

    static BookOrder order(String[] cells) {
        return new BookOrder(id(cells[1]), participant(cells[1]), Side.valueOf(cells[0]), Long.parseLong(cells[2]),
                new BigDecimal(cells[3]));
    }

    static UUID id(String name) {
        UUID id = UUID.nameUUIDFromBytes(("order:" + name).getBytes(StandardCharsets.UTF_8));
        NAMES.put(id, name);
        return id;
    }

    static UUID participant(String name) {
        return UUID.nameUUIDFromBytes(("participant:" + name).getBytes(StandardCharsets.UTF_8));
    }

    static String name(UUID id) {
        return NAMES.getOrDefault(id, id.toString());
    }
}
