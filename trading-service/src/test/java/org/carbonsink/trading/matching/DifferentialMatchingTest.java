package org.carbonsink.trading.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;

/**
 * Long random command sequences on the fast book and the naive reference book: after every command
 * both must have reported the same events and hold the same orders in the same priority. The seed
 * is in every failure message; rerun one sequence with {@link #run(long, int, int)}.
 */
class DifferentialMatchingTest {

    private static final int SEQUENCES = 200;
    private static final int COMMANDS = 1_500;

    @Test
    void theFastBookReportsAndHoldsWhatTheNaiveBookDoesAfterEveryCommand() {
        for (long seed = 1; seed <= SEQUENCES; seed++) {
            // small initial capacities in some runs, so that growing the arrays and the index is exercised too
            run(seed, COMMANDS, seed % 3 == 0 ? 1 : 1024);
        }
    }

    @Test
    void aDeepBookAgreesToo() {
        assertThat(run(-7, 8_000, 16)).as("the most orders resting at once").isGreaterThan(300);
    }

    @Test
    void replayingTheSameCommandsOnAFreshBookGivesTheSameEvents() {
        for (long seed = 1; seed <= 20; seed++) {
            List<Command> commands = new Generator(seed).commands(COMMANDS);
            assertThat(replay(commands, new FastOrderBook())).as("seed %d", seed)
                    .containsExactlyElementsOf(replay(commands, new FastOrderBook(1)))
                    .containsExactlyElementsOf(replay(commands, new NaiveOrderBook()));
        }
    }

    /** Runs one sequence on both books; answers the most orders that rested at once. */
    static int run(long seed, int length, int capacity) {
        MatchingEngineBook fast = new FastOrderBook(capacity);
        MatchingEngineBook naive = new NaiveOrderBook();
        RecordedEvents fastEvents = RecordedEvents.numeric();
        RecordedEvents naiveEvents = RecordedEvents.numeric();
        Generator generator = new Generator(seed);
        int deepest = 0;
        for (int step = 0; step < length; step++) {
            Command command = generator.next(naive);
            String where = "seed " + seed + ", step " + step + ": " + command.text;
            try {
                command.action.accept(fast, fastEvents);
                command.action.accept(naive, naiveEvents);
            } catch (RuntimeException e) {
                throw new AssertionError(where, e);
            }
            assertThat(fastEvents.take()).as("events, " + where).containsExactlyElementsOf(naiveEvents.take());
            assertThat(state(fast)).as("book, " + where).containsExactlyElementsOf(state(naive));
            deepest = Math.max(deepest, naive.orderCount());
        }
        return deepest;
    }

    private static List<String> state(MatchingEngineBook book) {
        List<String> state = new ArrayList<>(RecordedEvents.contents(book, Long::toString, Long::toString));
        for (Side side : Side.values()) {
            book.forEachLevel(side, (price, quantity, count) -> state.add(side + " level " + price + " " + quantity
                    + " " + count));
        }
        state.add("best " + book.bestBid() + " " + book.bestAsk() + " count " + book.orderCount()
                + " halted " + book.halted() + " band " + book.lowerBandFen() + " " + book.upperBandFen());
        return state;
    }

    private static List<String> replay(List<Command> commands, MatchingEngineBook book) {
        RecordedEvents events = RecordedEvents.numeric();
        commands.forEach(command -> command.action.accept(book, events));
        return events.lines;
    }

    record Command(String text, BiConsumer<MatchingEngineBook, BookEvents> action) {
    }

    /**
     * Commands for a few participants, so that orders self-trade often, with bids mostly below and asks
     * mostly above 10.00 yuan, overlapping enough that orders cross often. A negative seed makes a wide,
     * deep book that crosses less and is cancelled and expired less often.
     */
    static final class Generator {
        private final Random random;
        private final boolean randomIds;
        private final int spread;
        private final int overlap;
        private final boolean deep;
        private final List<Long> placed = new ArrayList<>();
        private long sequence;

        Generator(long seed) {
            random = new Random(seed);
            randomIds = random.nextInt(4) == 0;
            spread = seed < 0 ? 400 : 10 + random.nextInt(40);
            deep = seed < 0;
            overlap = deep ? 10 : spread / 2;
        }

        List<Command> commands(int length) {
            List<Command> commands = new ArrayList<>();
            MatchingEngineBook book = new NaiveOrderBook();
            for (int i = 0; i < length; i++) {
                Command command = next(book);
                command.action.accept(book, RecordedEvents.numeric());
                commands.add(command);
            }
            return commands;
        }

        /** The next command; {@code reference} is the naive book as it stands, to aim at resting orders. */
        Command next(MatchingEngineBook reference) {
            // per thousand: place, cancel, amend, expire, halt or resume, then band changes
            int dice = random.nextInt(1000);
            if (dice < (deep ? 550 : 450)) {
                return place(reference);
            }
            if (dice < (deep ? 600 : 570)) {
                long id = someId();
                return new Command("cancel " + id, (book, events) -> book.cancel(id, events));
            }
            if (dice < 900) {
                long id = someId();
                // a third of the amends keep the price, to test priority on a quantity change
                boolean samePrice = random.nextInt(10) < 3;
                long offset = offset();
                long quantity = random.nextInt(30) == 0 ? -random.nextInt(2) : 1 + random.nextInt(40);
                return new Command("amend " + id + " " + quantity + (samePrice ? " same price" : " offset " + offset),
                        (book, events) -> {
                            long[] current = current(book, id);
                            long price = samePrice ? current[1] : price(current[0] == 0 ? Side.BUY : Side.SELL, offset);
                            book.amend(id, price, quantity, events);
                        });
            }
            if (dice < (deep ? 901 : 920)) {
                return new Command("expire", (book, events) -> book.expireDayOrders(events));
            }
            if (dice < 950) {
                boolean halt = !reference.halted() && random.nextInt(3) == 0;
                return halt ? new Command("halt", (book, events) -> book.halt())
                        : new Command("resume", (book, events) -> book.resume());
            }
            if (random.nextBoolean()) {
                long referencePrice = random.nextInt(5) == 0 ? 0 : 1000 - spread / 2 + random.nextInt(spread + 1);
                return new Command("reference " + referencePrice,
                        (book, events) -> book.setReferencePrice(referencePrice));
            }
            int bps = new int[] {0, 5, 50, 100, 333, 1000, 3000}[random.nextInt(7)];
            return new Command("band " + bps, (book, events) -> book.setBandBasisPoints(bps));
        }

        private Command place(MatchingEngineBook reference) {
            long id;
            if (!placed.isEmpty() && random.nextInt(40) == 0) {
                id = placed.get(random.nextInt(placed.size()));
            } else {
                id = randomIds ? random.nextLong() : ++sequence;
                placed.add(id);
            }
            long participant = 1 + random.nextInt(5);
            Side side = random.nextBoolean() ? Side.BUY : Side.SELL;
            OrderType type = random.nextInt(10) == 0 ? OrderType.MARKET : OrderType.LIMIT;
            TimeInForce tif = TimeInForce.values()[random.nextInt(10) < 6 ? random.nextInt(2) : 2 + random.nextInt(2)];
            long price = random.nextInt(50) == 0 ? -random.nextInt(2) : price(side, offset());
            long quantity = random.nextInt(50) == 0 ? 0 : 1 + random.nextInt(random.nextInt(8) == 0 ? 200 : 30);
            return new Command("place " + id + " by " + participant + " " + side + " " + type + " " + tif + " "
                    + quantity + " @ " + price,
                    (book, events) -> book.place(id, participant, side, type, tif, price, quantity, events));
        }

        private long offset() {
            return random.nextInt(spread + 1) - overlap;
        }

        private static long price(Side side, long offset) {
            return side == Side.BUY ? 1000 - offset : 1000 + offset;
        }

        private long someId() {
            if (placed.isEmpty() || random.nextInt(20) == 0) {
                return random.nextLong();
            }
            // mostly recent orders, which are more likely still resting
            int from = Math.max(0, placed.size() - 60);
            return placed.get(from + random.nextInt(placed.size() - from));
        }

        /** The side (0 buy, 1 sell) and price of a resting order; a buy at 10.00 yuan for one not in the book. */
        private static long[] current(MatchingEngineBook book, long id) {
            long[] current = {0, 1000};
            for (Side side : Side.values()) {
                book.forEachOrder(side, (orderId, participant, price, open, tif) -> {
                    if (orderId == id) {
                        current[0] = side.ordinal();
                        current[1] = price;
                    }
                });
            }
            return current;
        }
    }
}
