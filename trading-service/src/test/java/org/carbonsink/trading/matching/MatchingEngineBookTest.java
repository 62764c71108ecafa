package org.carbonsink.trading.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The rules every matching engine book must follow, written as tables of bids and asks and the events
 * a command reports; run against each implementation by a subclass. Orders are named (b1, s1, ...),
 * participants are letters, prices are in fen.
 */
abstract class MatchingEngineBookTest {

    abstract MatchingEngineBook newBook();

    // fills and priority

    @Test
    void restsBothOrdersWhenTheyDoNotCross() {
        given("""
                side | order | who | qty | price | tif
                SELL | s1    | A   |  50 | 1050  | GTC
                """)
                .place("BUY b1 B 40 1000 GTC")
                .emits("""
                        accepted b1
                        rested b1 40 @ 1000
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        BUY  | b1    | B   |  40 | 1000  | GTC
                        SELL | s1    | A   |  50 | 1050  | GTC
                        """);
        assertThat(scenario.book.bestBid()).isEqualTo(1000);
        assertThat(scenario.book.bestAsk()).isEqualTo(1050);
        assertThat(scenario.book.orderCount()).isEqualTo(2);
    }

    @Test
    void restsTheRemainderOfAPartlyFilledIncomingOrderAtItsLimit() {
        given("""
                side | order | who | qty | price | tif
                SELL | s1    | A   |  30 | 1000  | GTC
                """)
                .place("BUY b1 B 50 1020 GTC")
                .emits("""
                        accepted b1
                        trade b1 BUY by B from s1 by A 30 @ 1000 maker filled
                        rested b1 20 @ 1020
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        BUY  | b1    | B   |  20 | 1020  | GTC
                        """);
    }

    @Test
    void leavesTheRemainderOfAPartlyFilledRestingOrderInItsPlace() {
        given("""
                side | order | who | qty | price | tif
                BUY  | b1    | A   | 100 | 1000  | GTC
                BUY  | b2    | C   |  10 | 1000  | GTC
                """)
                .place("SELL s1 B 40 950 GTC")
                .emits("""
                        accepted s1
                        trade s1 SELL by B from b1 by A 40 @ 1000
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        BUY  | b1    | A   |  60 | 1000  | GTC
                        BUY  | b2    | C   |  10 | 1000  | GTC
                        """);
        assertThat(scenario.book.openQuantity(scenario.id("b1"))).isEqualTo(60);
    }

    @Test
    void tradesTheBestPriceFirstAndTheEarliestOrderWithinAPrice() {
        given("""
                side | order | who | qty | price | tif
                SELL | s1    | A   |  20 | 1010  | GTC
                SELL | s2    | C   |  20 | 1000  | GTC
                SELL | s3    | D   |  20 | 1000  | DAY
                """)
                .place("BUY b1 B 30 1010 GTC")
                .emits("""
                        accepted b1
                        trade b1 BUY by B from s2 by C 20 @ 1000 maker filled
                        trade b1 BUY by B from s3 by D 10 @ 1000
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        SELL | s3    | D   |  10 | 1000  | DAY
                        SELL | s1    | A   |  20 | 1010  | GTC
                        """);
    }

    @Test
    void walksSeveralBidLevelsAtEachRestingPriceUpToTheLimit() {
        given("""
                side | order | who | qty | price | tif
                BUY  | b3    | A   |  10 | 1000  | GTC
                BUY  | b1    | C   |  10 | 1100  | GTC
                BUY  | b2    | D   |  10 | 1050  | GTC
                """)
                .place("SELL s1 B 25 1050 GTC")
                .emits("""
                        accepted s1
                        trade s1 SELL by B from b1 by C 10 @ 1100 maker filled
                        trade s1 SELL by B from b2 by D 10 @ 1050 maker filled
                        rested s1 5 @ 1050
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        BUY  | b3    | A   |  10 | 1000  | GTC
                        SELL | s1    | B   |   5 | 1050  | GTC
                        """);
    }

    @Test
    void reportsLevelsBestFirstWithTheirQuantityAndOrderCount() {
        given("""
                side | order | who | qty | price | tif
                BUY  | b1    | A   |  10 |  990  | GTC
                BUY  | b2    | B   |   5 | 1000  | GTC
                BUY  | b3    | C   |   7 |  990  | DAY
                SELL | s1    | D   |   4 | 1010  | GTC
                """);
        List<String> levels = new ArrayList<>();
        for (Side side : Side.values()) {
            scenario.book.forEachLevel(side, (price, quantity, count) -> levels.add(side + " " + price + " " + quantity
                    + " " + count));
        }
        assertThat(levels).containsExactly("BUY 1000 5 1", "BUY 990 17 2", "SELL 1010 4 1");
    }

    @Test
    void answersSentinelsForAnEmptyBook() {
        MatchingEngineBook book = newBook();
        assertThat(book.bestBid()).isEqualTo(MatchingEngineBook.NO_BID).isEqualTo(Long.MIN_VALUE);
        assertThat(book.bestAsk()).isEqualTo(MatchingEngineBook.NO_ASK).isEqualTo(Long.MAX_VALUE);
        assertThat(book.orderCount()).isZero();
        assertThat(book.contains(1)).isFalse();
        assertThat(book.openQuantity(1)).isZero();
    }

    // market orders

    @Test
    void aMarketOrderSweepsLevelsAndCancelsWhatTheBookCannotFill() {
        given("""
                side | order | who | qty | price | tif
                SELL | s1    | A   |  10 | 1000  | GTC
                SELL | s2    | C   |  10 | 1200  | GTC
                SELL | s3    | D   |  10 | 1500  | GTC
                """)
                .place("BUY m1 B 35 MARKET GTC")
                .emits("""
                        accepted m1
                        trade m1 BUY by B from s1 by A 10 @ 1000 maker filled
                        trade m1 BUY by B from s2 by C 10 @ 1200 maker filled
                        trade m1 BUY by B from s3 by D 10 @ 1500 maker filled
                        cancelled m1 5 MARKET_REMAINDER
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        """);
    }

    @Test
    void aMarketOrderStopsAtTheFarSideOfTheBand() {
        given("""
                side | order | who | qty | price | tif
                BUY  | b1    | A   |  10 | 1100  | GTC
                BUY  | b2    | C   |  10 |  950  | GTC
                BUY  | b3    | D   |  10 |  850  | GTC
                """)
                .reference(1000).band(1000)
                .place("SELL m1 B 30 MARKET IOC")
                .emits("""
                        accepted m1
                        trade m1 SELL by B from b1 by A 10 @ 1100 maker filled
                        trade m1 SELL by B from b2 by C 10 @ 950 maker filled
                        cancelled m1 10 MARKET_REMAINDER
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        BUY  | b3    | D   |  10 |  850  | GTC
                        """);
    }

    @Test
    void aMarketOrderIntoAnEmptySideTradesNothing() {
        given("""
                side | order | who | qty | price | tif
                """)
                .place("SELL m1 B 30 MARKET DAY")
                .emits("""
                        accepted m1
                        cancelled m1 30 MARKET_REMAINDER
                        """);
    }

    // IOC and FOK

    @Test
    void anIocOrderTradesWhatItCanAndCancelsTheRest() {
        given("""
                side | order | who | qty | price | tif
                SELL | s1    | A   |  10 | 1000  | GTC
                SELL | s2    | C   |  10 | 1010  | GTC
                """)
                .place("BUY i1 B 25 1000 IOC")
                .emits("""
                        accepted i1
                        trade i1 BUY by B from s1 by A 10 @ 1000 maker filled
                        cancelled i1 15 IOC_REMAINDER
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        SELL | s2    | C   |  10 | 1010  | GTC
                        """);
    }

    @Test
    void aFokOrderThatCanBeFilledTradesInFull() {
        given("""
                side | order | who | qty | price | tif
                SELL | s1    | A   |  10 | 1000  | GTC
                SELL | s2    | C   |  10 | 1010  | GTC
                """)
                .place("BUY f1 B 15 1010 FOK")
                .emits("""
                        accepted f1
                        trade f1 BUY by B from s1 by A 10 @ 1000 maker filled
                        trade f1 BUY by B from s2 by C 5 @ 1010
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        SELL | s2    | C   |   5 | 1010  | GTC
                        """);
    }

    @Test
    void aFokOrderThatCannotBeFilledTradesNothingAndLeavesTheBookAlone() {
        given("""
                side | order | who | qty | price | tif
                SELL | s1    | A   |  10 | 1000  | GTC
                SELL | s2    | C   |  10 | 1010  | GTC
                SELL | s3    | D   |  50 | 1020  | GTC
                """)
                .place("BUY f1 B 21 1010 FOK")
                .place("BUY f2 B 21 MARKET FOK")
                .emits("""
                        accepted f1
                        cancelled f1 21 FOK_UNFILLED
                        accepted f2
                        trade f2 BUY by B from s1 by A 10 @ 1000 maker filled
                        trade f2 BUY by B from s2 by C 10 @ 1010 maker filled
                        trade f2 BUY by B from s3 by D 1 @ 1020
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        SELL | s3    | D   |  49 | 1020  | GTC
                        """);
    }

    @Test
    void aFokOrderDoesNotCountItsOwnParticipantsRestingOrders() {
        given("""
                side | order | who | qty | price | tif
                SELL | s1    | B   |  10 | 1000  | GTC
                SELL | s2    | C   |  10 | 1000  | GTC
                """)
                .place("BUY f1 B 15 1000 FOK")
                .emits("""
                        accepted f1
                        cancelled f1 15 FOK_UNFILLED
                        """)
                .place("BUY f2 B 10 1000 FOK")
                .emits("""
                        accepted f2
                        cancelled s1 10 SELF_TRADE
                        trade f2 BUY by B from s2 by C 10 @ 1000 maker filled
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        """);
    }

    // DAY orders

    @Test
    void theSessionCloseExpiresDayOrdersOnlyBidsFirstBestFirst() {
        given("""
                side | order | who | qty | price | tif
                BUY  | b1    | A   |  10 |  990  | DAY
                BUY  | b2    | B   |  10 |  990  | GTC
                BUY  | b3    | C   |  10 | 1000  | DAY
                SELL | s1    | D   |  10 | 1020  | DAY
                SELL | s2    | E   |  10 | 1010  | GTC
                """)
                .expire()
                .emits("""
                        cancelled b3 10 EXPIRED
                        cancelled b1 10 EXPIRED
                        cancelled s1 10 EXPIRED
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        BUY  | b2    | B   |  10 |  990  | GTC
                        SELL | s2    | E   |  10 | 1010  | GTC
                        """);
        assertThat(scenario.book.orderCount()).isEqualTo(2);
        assertThat(scenario.book.bestBid()).isEqualTo(990);
    }

    // cancel and amend

    @Test
    void cancelsARestingOrderAndRejectsUnknownOrFinishedOnes() {
        given("""
                side | order | who | qty | price | tif
                SELL | s1    | A   |  10 | 1000  | GTC
                SELL | s2    | C   |  10 | 1010  | GTC
                """)
                .cancel("s2")
                .cancel("s2")
                .cancel("x9")
                .place("BUY b1 B 10 1000 GTC")
                .cancel("s1")
                .emits("""
                        cancelled s2 10 USER
                        rejected s2 UNKNOWN_ORDER
                        rejected x9 UNKNOWN_ORDER
                        accepted b1
                        trade b1 BUY by B from s1 by A 10 @ 1000 maker filled
                        rejected s1 UNKNOWN_ORDER
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        """);
        assertThat(scenario.book.contains(scenario.id("s1"))).isFalse();
        assertThat(scenario.book.bestAsk()).isEqualTo(MatchingEngineBook.NO_ASK);
    }

    @Test
    void reducingQuantityAtTheSamePriceKeepsTimePriority() {
        given("""
                side | order | who | qty | price | tif
                SELL | s1    | A   |  30 | 1000  | GTC
                SELL | s2    | C   |  30 | 1000  | GTC
                """)
                .amend("s1 10 1000")
                .place("BUY b1 B 15 1000 GTC")
                .emits("""
                        amended s1 10 @ 1000 kept priority
                        accepted b1
                        trade b1 BUY by B from s1 by A 10 @ 1000 maker filled
                        trade b1 BUY by B from s2 by C 5 @ 1000
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        SELL | s2    | C   |  25 | 1000  | GTC
                        """);
    }

    @Test
    void raisingQuantityLosesTimePriority() {
        given("""
                side | order | who | qty | price | tif
                SELL | s1    | A   |  10 | 1000  | GTC
                SELL | s2    | C   |  10 | 1000  | DAY
                """)
                .amend("s1 20 1000")
                .emits("""
                        amended s1 20 @ 1000 lost priority
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        SELL | s2    | C   |  10 | 1000  | DAY
                        SELL | s1    | A   |  20 | 1000  | GTC
                        """);
    }

    @Test
    void aNewPriceLosesTimePriorityEvenWhenItComesBack() {
        given("""
                side | order | who | qty | price | tif
                BUY  | b1    | A   |  10 | 1000  | DAY
                BUY  | b2    | C   |  10 | 1000  | GTC
                """)
                .amend("b1 10 990")
                .amend("b1 10 1000")
                .emits("""
                        amended b1 10 @ 990 lost priority
                        rested b1 10 @ 990
                        amended b1 10 @ 1000 lost priority
                        rested b1 10 @ 1000
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        BUY  | b2    | C   |  10 | 1000  | GTC
                        BUY  | b1    | A   |  10 | 1000  | DAY
                        """);
    }

    @Test
    void anAmendToACrossingPriceTradesAtOnceAndRestsTheRest() {
        given("""
                side | order | who | qty | price | tif
                BUY  | b1    | A   |  30 | 1000  | GTC
                SELL | s1    | C   |  10 | 1010  | GTC
                SELL | s2    | D   |  10 | 1020  | GTC
                """)
                .amend("b1 25 1010")
                .emits("""
                        amended b1 25 @ 1010 lost priority
                        trade b1 BUY by A from s1 by C 10 @ 1010 maker filled
                        rested b1 15 @ 1010
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        BUY  | b1    | A   |  15 | 1010  | GTC
                        SELL | s2    | D   |  10 | 1020  | GTC
                        """);
    }

    @Test
    void rejectsAnAmendWithoutQuantityOrPriceOrOfAnUnknownOrder() {
        given("""
                side | order | who | qty | price | tif
                BUY  | b1    | A   |  30 | 1000  | GTC
                """)
                .amend("b1 0 1000")
                .amend("b1 -5 1000")
                .amend("b1 10 0")
                .amend("x1 10 1000")
                .emits("""
                        rejected b1 INVALID_QUANTITY
                        rejected b1 INVALID_QUANTITY
                        rejected b1 INVALID_PRICE
                        rejected x1 UNKNOWN_ORDER
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        BUY  | b1    | A   |  30 | 1000  | GTC
                        """);
    }

    @Test
    void rejectsOrdersWithoutQuantityOrPriceAndDuplicateIds() {
        given("""
                side | order | who | qty | price | tif
                BUY  | b1    | A   |  30 | 1000  | GTC
                """)
                .place("BUY b1 A 10 1000 GTC")
                .place("SELL s1 B 0 1000 GTC")
                .place("SELL s2 B 10 0 GTC")
                .place("SELL s3 B 10 -1000 IOC")
                .emits("""
                        rejected b1 DUPLICATE_ORDER_ID
                        rejected s1 INVALID_QUANTITY
                        rejected s2 INVALID_PRICE
                        rejected s3 INVALID_PRICE
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        BUY  | b1    | A   |  30 | 1000  | GTC
                        """);
    }

    // self-trade prevention

    @Test
    void anIncomingOrderCancelsItsParticipantsRestingOrderAndMatchesOn() {
        given("""
                side | order | who | qty | price | tif
                SELL | s1    | C   |  10 | 1000  | GTC
                SELL | s2    | B   |  10 | 1000  | GTC
                SELL | s3    | D   |  10 | 1000  | GTC
                SELL | s4    | B   |  10 | 1010  | GTC
                """)
                .place("BUY b1 B 15 1010 GTC")
                .emits("""
                        accepted b1
                        trade b1 BUY by B from s1 by C 10 @ 1000 maker filled
                        cancelled s2 10 SELF_TRADE
                        trade b1 BUY by B from s3 by D 5 @ 1000
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        SELL | s3    | D   |   5 | 1000  | GTC
                        SELL | s4    | B   |  10 | 1010  | GTC
                        """);
    }

    @Test
    void anAmendedOrderDoesNotTradeWithItsOwnParticipant() {
        given("""
                side | order | who | qty | price | tif
                BUY  | b1    | A   |  10 | 1000  | GTC
                SELL | s1    | A   |  10 | 1010  | GTC
                """)
                .amend("b1 10 1010")
                .emits("""
                        amended b1 10 @ 1010 lost priority
                        cancelled s1 10 SELF_TRADE
                        rested b1 10 @ 1010
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        BUY  | b1    | A   |  10 | 1010  | GTC
                        """);
    }

    // bands and halts

    @Test
    void acceptsLimitPricesInsideTheBandWithBoundsRoundedInward() {
        // reference 10.05 yuan ±10%: exactly 9.045 to 11.055, so 9.05 and 11.05 in whole fen
        given("""
                side | order | who | qty | price | tif
                """)
                .reference(1005).band(1000)
                .place("BUY b1 A 10 904 GTC")
                .place("BUY b2 A 10 905 GTC")
                .place("SELL s1 B 10 1105 GTC")
                .place("SELL s2 B 10 1106 GTC")
                .emits("""
                        rejected b1 PRICE_OUTSIDE_BAND
                        accepted b2
                        rested b2 10 @ 905
                        accepted s1
                        rested s1 10 @ 1105
                        rejected s2 PRICE_OUTSIDE_BAND
                        """);
        assertThat(scenario.book.lowerBandFen()).isEqualTo(905);
        assertThat(scenario.book.upperBandFen()).isEqualTo(1105);
    }

    @Test
    void anExactBoundIsInsideTheBand() {
        given("""
                side | order | who | qty | price | tif
                """)
                .reference(1000).band(1000)
                .place("BUY b1 A 10 900 GTC")
                .place("BUY b2 A 10 899 GTC")
                .place("SELL s1 B 10 1100 GTC")
                .place("SELL s2 B 10 1101 IOC")
                .emits("""
                        accepted b1
                        rested b1 10 @ 900
                        rejected b2 PRICE_OUTSIDE_BAND
                        accepted s1
                        rested s1 10 @ 1100
                        rejected s2 PRICE_OUTSIDE_BAND
                        """);
    }

    @Test
    void checksANewAmendPriceAgainstTheBandButNotAnUnchangedOne() {
        given("""
                side | order | who | qty | price | tif
                BUY  | b1    | A   |  10 |  800  | GTC
                """)
                .reference(1000).band(1000)
                .amend("b1 10 850")
                .amend("b1 5 800")
                .amend("b1 5 950")
                .emits("""
                        rejected b1 PRICE_OUTSIDE_BAND
                        amended b1 5 @ 800 kept priority
                        amended b1 5 @ 950 lost priority
                        rested b1 5 @ 950
                        """);
    }

    @Test
    void noReferencePriceOrAZeroBandMeansNoBand() {
        MatchingEngineBook book = newBook();
        assertThat(book.lowerBandFen()).isEqualTo(1);
        assertThat(book.upperBandFen()).isEqualTo(Long.MAX_VALUE);
        given("""
                side | order | who | qty | price | tif
                """)
                .band(1000)
                .place("BUY b1 A 10 1 GTC")
                .reference(1000).band(0)
                .place("SELL s1 B 10 999999 GTC")
                .emits("""
                        accepted b1
                        rested b1 10 @ 1
                        accepted s1
                        rested s1 10 @ 999999
                        """);
        assertThatThrownBy(() -> book.setBandBasisPoints(10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> book.setReferencePrice(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void withoutAnOperatorReferenceTheBandIsCentredOnThePreviousSessionsClose() {
        MatchingEngineBook book = newBook();
        RecordedEvents events = RecordedEvents.numeric();
        book.setBandBasisPoints(1000);
        // never traded: no band, the first trades discover the price
        book.place(1, 1, Side.SELL, OrderType.LIMIT, TimeInForce.GTC, 1000, 10, events);
        book.place(2, 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 99_999, 1, events);
        book.place(3, 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 1000, 1, events);
        assertThat(book.upperBandFen()).as("the session's own trades move no band").isEqualTo(Long.MAX_VALUE);

        book.expireDayOrders(events);

        assertThat(book.previousClose()).isEqualTo(1000);
        assertThat(book.referencePrice()).isEqualTo(1000);
        assertThat(book.lowerBandFen()).isEqualTo(900);
        assertThat(book.upperBandFen()).isEqualTo(1100);
        events.take();
        book.place(4, 2, Side.BUY, OrderType.LIMIT, TimeInForce.GTC, 1101, 1, events);
        assertThat(events.take()).containsExactly("rejected 4 PRICE_OUTSIDE_BAND");

        book.setReferencePrice(5000);
        assertThat(book.referencePrice()).as("the operator's reference first").isEqualTo(5000);
        assertThat(book.upperBandFen()).isEqualTo(5500);
        book.setReferencePrice(0);
        assertThat(book.referencePrice()).as("and without it the close again").isEqualTo(1000);
        assertThatThrownBy(() -> book.setPreviousClose(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFullWidthBandStillRefusesPricesBelowOneFen() {
        MatchingEngineBook book = newBook();
        book.setReferencePrice(3);
        book.setBandBasisPoints(10_000);
        assertThat(book.lowerBandFen()).isEqualTo(1);
        assertThat(book.upperBandFen()).isEqualTo(6);
    }

    @Test
    void refusesAReferencePriceWhoseBandWouldOverflowAndKeepsTheBandItHad() {
        MatchingEngineBook book = newBook();
        book.setReferencePrice(1000);
        book.setBandBasisPoints(1000);

        assertThatThrownBy(() -> book.setReferencePrice(Long.MAX_VALUE / 2)).isInstanceOf(ArithmeticException.class);

        assertThat(book.referencePrice()).isEqualTo(1000);
        assertThat(book.bandBasisPoints()).isEqualTo(1000);
        assertThat(book.lowerBandFen()).isEqualTo(900);
        assertThat(book.upperBandFen()).isEqualTo(1100);
    }

    @Test
    void aHaltedBookRejectsPlaceAndAmendButStillCancelsUntilItResumes() {
        given("""
                side | order | who | qty | price | tif
                BUY  | b1    | A   |  10 | 1000  | GTC
                BUY  | b2    | A   |  10 |  990  | GTC
                """)
                .halt()
                .place("SELL s1 B 10 1000 GTC")
                .amend("b1 5 1000")
                .cancel("b2")
                .emits("""
                        rejected s1 HALTED
                        rejected b1 HALTED
                        cancelled b2 10 USER
                        """);
        assertThat(scenario.book.halted()).isTrue();
        scenario.resume()
                .place("SELL s1 B 10 1000 GTC")
                .emits("""
                        accepted s1
                        trade s1 SELL by B from b1 by A 10 @ 1000 maker filled
                        """)
                .leaves("""
                        side | order | who | qty | price | tif
                        """);
        assertThat(scenario.book.halted()).isFalse();
    }

    // the table DSL

    Scenario scenario;

    Scenario given(String table) {
        scenario = new Scenario(newBook());
        for (String[] row : rows(table)) {
            scenario.book.place(scenario.id(row[1]), participant(row[2]), Side.valueOf(row[0]), OrderType.LIMIT,
                    TimeInForce.valueOf(row[5]), Long.parseLong(row[4]), Long.parseLong(row[3]), scenario.events);
        }
        assertThat(scenario.events.take()).as("the given orders rest without trading")
                .allMatch(line -> line.startsWith("accepted ") || line.startsWith("rested "));
        return scenario;
    }

    static final class Scenario {
        final MatchingEngineBook book;
        final RecordedEvents events;
        private final Map<String, Long> ids = new HashMap<>();
        private final Map<Long, String> names = new HashMap<>();

        Scenario(MatchingEngineBook book) {
            this.book = book;
            this.events = new RecordedEvents(this::name, MatchingEngineBookTest::participantName);
        }

        long id(String name) {
            return ids.computeIfAbsent(name, n -> {
                long id = 1000 + ids.size();
                names.put(id, n);
                return id;
            });
        }

        String name(long id) {
            return names.getOrDefault(id, Long.toString(id));
        }

        /** "BUY b1 A 10 1000 GTC" (a limit order) or "BUY m1 A 10 MARKET IOC". */
        Scenario place(String order) {
            String[] cells = order.split("\\s+");
            boolean market = cells[4].equals("MARKET");
            book.place(id(cells[1]), participant(cells[2]), Side.valueOf(cells[0]),
                    market ? OrderType.MARKET : OrderType.LIMIT, TimeInForce.valueOf(cells[5]),
                    market ? 0 : Long.parseLong(cells[4]), Long.parseLong(cells[3]), events);
            return this;
        }

        Scenario cancel(String name) {
            book.cancel(id(name), events);
            return this;
        }

        /** "b1 25 1010": the order, its new open quantity, its new price. */
        Scenario amend(String amendment) {
            String[] cells = amendment.split("\\s+");
            book.amend(id(cells[0]), Long.parseLong(cells[2]), Long.parseLong(cells[1]), events);
            return this;
        }

        Scenario expire() {
            book.expireDayOrders(events);
            return this;
        }

        Scenario halt() {
            book.halt();
            return this;
        }

        Scenario resume() {
            book.resume();
            return this;
        }

        Scenario reference(long priceFen) {
            book.setReferencePrice(priceFen);
            return this;
        }

        Scenario band(int bps) {
            book.setBandBasisPoints(bps);
            return this;
        }

        /** The events since the last check, one per line. */
        Scenario emits(String lines) {
            assertThat(events.take()).containsExactlyElementsOf(
                    lines.lines().map(String::strip).filter(line -> !line.isEmpty()).toList());
            return this;
        }

        /** What rests: bids best first, then asks best first, each in time priority within a price. */
        Scenario leaves(String table) {
            assertThat(RecordedEvents.contents(book, this::name, MatchingEngineBookTest::participantName))
                    .containsExactlyElementsOf(rows(table).stream().map(row -> String.join(" ", row)).toList());
            return this;
        }
    }

    private static List<String[]> rows(String table) {
        return table.lines().skip(1).map(String::strip).filter(line -> !line.isEmpty())
                .map(line -> Arrays.stream(line.split("\\|")).map(String::strip).toArray(String[]::new)).toList();
    }

    static long participant(String letter) {
        return letter.charAt(0);
    }

    static String participantName(long participant) {
        return String.valueOf((char) participant);
    }
}
