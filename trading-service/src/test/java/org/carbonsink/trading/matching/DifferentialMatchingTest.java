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

    private static final int SEQUENCES = 300;
    private static final int COMMANDS = 1_500;

    @Test
    void theFastBookReportsAndHoldsWhatTheNaiveBookDoesAfterEveryCommand() {
        for (long seed = 1; seed <= SEQUENCES; seed++) {
            // small initial capacities in some runs, so that growing the arrays and the index is exercised too
            run(seed, COMMANDS, seed % 3 == 0 ? 1 : 1024);
        }
    }

    @Test
    void aDeepBookWithWideSpreadAgreesToo() {
        run(-7, 20_000, 16);
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

    static void run(long seed, int length, int capacity) {
        MatchingEngineBook fast = new FastOrderBook(capacity);
        MatchingEngineBook naive = new NaiveOrderBook();
        RecordedEvents fastEvents = RecordedEvents.numeric();
        RecordedEvents naiveEvents = RecordedEvents.numeric();
        Generator generator = new Generator(seed);
        for (int step = 0; step < length; step++) {
            Command command = generator.next(naive);
            command.action.accept(fast, fastEvents);
            command.action.accept(naive, naiveEvents);
            String where = "seed " + seed + ", step " + step + ": " + command.text;
            assertThat(fastEvents.take()).as("events, " + where).containsExactlyElementsOf(naiveEvents.take());
            assertThat(state(fast)).as("book, " + where).containsExactlyElementsOf(state(naive));
        }
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

    /** Commands aimed at a narrow price range and a few participants, so that orders cross and self-trade often. */
    static final class Generator {
        private final Random random;
        private final boolean randomIds;
        private final int spread;
        private final List<Long> placed = new ArrayList<>();
        private long sequence;

        Generator(long seed) {
            random = new Random(seed);
            randomIds = random.nextInt(4) == 0;
            spread = seed < 0 ? 400 : 10 + random.nextInt(40);
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
            int dice = random.nextInt(100);
            if (dice < 45) {
                return place(reference);
            }
            if (dice < 57) {
                long id = someId();
                return new Command("cancel " + id, (book, events) -> book.cancel(id, events));
            }
            if (dice < 90) {
                long id = someId();
                long price = random.nextInt(10) < 3 ? -1 : price();
                long quantity = random.nextInt(30) == 0 ? -random.nextInt(2) : 1 + random.nextInt(40);
                return new Command("amend " + id + " " + quantity + " @ " + price, (book, events) -> {
                    // a third of the amends keep the price, to test priority on a quantity change
                    long newPrice = price == -1 ? currentPrice(book, id) : price;
                    book.amend(id, newPrice, quantity, events);
                });
            }
            if (dice < 92) {
                return new Command("expire", (book, events) -> book.expireDayOrders(events));
            }
            if (dice < 95) {
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
            long price = random.nextInt(50) == 0 ? -random.nextInt(2) : price();
            long quantity = random.nextInt(50) == 0 ? 0 : 1 + random.nextInt(random.nextInt(8) == 0 ? 200 : 30);
            return new Command("place " + id + " by " + participant + " " + side + " " + type + " " + tif + " "
                    + quantity + " @ " + price,
                    (book, events) -> book.place(id, participant, side, type, tif, price, quantity, events));
        }

        private long price() {
            return 1000 - spread / 2 + random.nextInt(spread + 1);
        }

        private long someId() {
            if (placed.isEmpty() || random.nextInt(20) == 0) {
                return random.nextLong();
            }
            // mostly recent orders, which are more likely still resting
            int from = Math.max(0, placed.size() - 60);
            return placed.get(from + random.nextInt(placed.size() - from));
        }

        private static long currentPrice(MatchingEngineBook book, long id) {
            long[] price = {1000};
            for (Side side : Side.values()) {
                book.forEachOrder(side, (orderId, participant, p, open, tif) -> {
                    if (orderId == id) {
                        price[0] = p;
                    }
                });
            }
            return price[0];
        }
    }
}
