package org.carbonsink.trading.order;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.instrument.Instrument;
import org.carbonsink.trading.instrument.Instruments;
import org.carbonsink.trading.matching.FastOrderBook;
import org.carbonsink.trading.matching.MatchingEngineBook;
import org.carbonsink.trading.matching.OrderType;
import org.carbonsink.trading.matching.Side;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Places orders. Only a participant the registry registered in a trading role may (its registry account
 * is what receives bought credits). A buy order reserves its cost and goes to its instrument's book at
 * once; a sell order waits for the registry to hold its credits (invariant 4: neither side exceeds what
 * backs it), after the rules the book would apply have been checked against the instrument as it is.
 */
@Component
public class PlacingOrder {

    private final Instruments instruments;
    private final Orders orders;
    private final Traders traders;
    private final CreditHolds holds;
    private final Exchange exchange;
    private final TradingRules rules;
    private final TransactionTemplate tx;
    private final JdbcClient jdbc;
    private final Clock clock;

    PlacingOrder(Instruments instruments, Orders orders, Traders traders, CreditHolds holds,
            Exchange exchange, TradingRules rules, PlatformTransactionManager transactions, JdbcClient jdbc, Clock clock) {
        this.instruments = instruments;
        this.orders = orders;
        this.traders = traders;
        this.holds = holds;
        this.exchange = exchange;
        this.rules = rules;
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public Order place(PlaceOrder command) {
        return place(command, null);
    }

    /**
     * Places an order whose id follows from the participant's {@code requestKey} (its
     * Idempotency-Key; null: a fresh id). The id is written in the same transaction as the order (the
     * book writer's batch commits many requests at once, so the key filter cannot share it): a retry
     * whose first attempt committed but never answered finds that order and answers it, never placing
     * a second one.
     */
    public Order place(PlaceOrder command, String requestKey) {
        UUID id = orderId(command.participantId(), requestKey, 0);
        Optional<Order> placed = requestKey == null ? Optional.empty() : orders.find(id);
        if (placed.isPresent()) {
            return placed.get();
        }
        traders.requireTrading(command.participantId());
        checkShape(command);
        if (command.side() == Side.BUY) {
            return (Order) exchange.execute(new BookCommand.Place(id, command));
        }
        return sell(command, id);
    }

    /** The id of the {@code index}th order of a request with {@code requestKey}; a fresh id without a key. */
    static UUID orderId(UUID participantId, String requestKey, int index) {
        return requestKey == null ? UUID.randomUUID()
                : UUID.nameUUIDFromBytes(("order/" + participantId + "/" + requestKey + "/" + index)
                        .getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Places up to {@link #MAX_BATCH} orders, each on its own: the buy orders go to their books together,
     * so they share group commits. Answers each order or its refusal, in the order given.
     */
    public List<Placed> placeAll(List<PlaceOrder> commands) {
        return placeAll(commands, null);
    }

    /**
     * {@link #placeAll(List)} with the request's Idempotency-Key: the {@code i}th order's id follows from
     * the key and {@code i}, so a retried batch answers the orders its first attempt placed.
     */
    public List<Placed> placeAll(List<PlaceOrder> commands, String requestKey) {
        if (commands.size() > MAX_BATCH) {
            throw ProblemException.invalidField("orders", "Size", "must hold at most " + MAX_BATCH + " orders");
        }
        List<CompletableFuture<Object>> pending = new ArrayList<>();
        for (int i = 0; i < commands.size(); i++) {
            PlaceOrder command = commands.get(i);
            UUID id = orderId(command.participantId(), requestKey, i);
            try {
                Optional<Order> placed = requestKey == null ? Optional.empty() : orders.find(id);
                if (placed.isPresent()) {
                    pending.add(CompletableFuture.completedFuture(placed.get()));
                    continue;
                }
                traders.requireTrading(command.participantId());
                checkShape(command);
                pending.add(command.side() == Side.BUY
                        ? exchange.submit(new BookCommand.Place(id, command))
                        : CompletableFuture.completedFuture(sell(command, id)));
            } catch (RuntimeException refused) {
                pending.add(CompletableFuture.failedFuture(refused));
            }
        }
        List<Placed> placed = new ArrayList<>();
        for (CompletableFuture<Object> answer : pending) {
            try {
                placed.add(new Placed((Order) answer.join(), null));
            } catch (java.util.concurrent.CompletionException e) {
                if (e.getCause() instanceof ProblemException problem) {
                    placed.add(new Placed(null, problem));
                } else {
                    throw e;
                }
            }
        }
        return placed;
    }

    public static final int MAX_BATCH = 1000;

    /** One order of a batch: placed, or refused with its problem. */
    public record Placed(Order order, ProblemException refusal) {
    }

    private Order sell(PlaceOrder command, UUID id) {
        Instrument instrument = instruments.find(command.instrumentId())
                .orElseThrow(() -> Sequencer.unknownInstrument(command.instrumentId()));
        Rules now = rulesOf(command.instrumentId());
        if (now.halted()) {
            throw ProblemException.conflict("instrument-halted", "Trading halted", "the exchange operator halted trading in "
                    + command.instrumentId() + "; orders may be cancelled only").with("instrumentId", command.instrumentId());
        }
        if (command.type() == OrderType.LIMIT) {
            checkSellBand(command, now);
            checkMinimumValue(command);
        }
        if (Batch.rests(command.type(), command.timeInForce())) {
            long open = jdbc.sql("""
                    select count(*) from exchange_order where instrument_id = :instrument and participant_id = :participant
                    and status in ('OPEN', 'PENDING_HOLD')
                    """).param("instrument", command.instrumentId()).param("participant", command.participantId())
                    .query(Long.class).single();
            if (open >= rules.maxOpenOrdersPerInstrument()) {
                throw ProblemException.rule("open-order-cap", "Too many open orders", "the participant has " + open
                        + " orders open in this book; the cap is " + rules.maxOpenOrdersPerInstrument())
                        .with("maxOpenOrders", rules.maxOpenOrdersPerInstrument());
            }
        }
        Instant at = Instant.now(clock);
        Order order = new Order(id, command.instrumentId(), command.participantId(), Side.SELL,
                command.type(), command.timeInForce(), command.quantity(), command.limitPrice(), 0,
                BigDecimal.ZERO.setScale(2), OrderStatus.PENDING_HOLD, null, null, at, at);
        tx.executeWithoutResult(status -> {
            orders.addPending(order);
            holds.request(order, instrument);
        });
        return orders.find(order.id()).orElseThrow();
    }

    /** Limit orders name a price, market orders do not; market orders never rest. */
    private static void checkShape(PlaceOrder command) {
        if (command.type() == OrderType.LIMIT && command.limitPrice() == null) {
            throw ProblemException.invalidField("limitPrice", "NotNull", "is required for a LIMIT order");
        }
        if (command.type() == OrderType.MARKET && command.limitPrice() != null) {
            throw ProblemException.invalidField("limitPrice", "Null", "must be absent for a MARKET order");
        }
        if (command.type() == OrderType.MARKET && Batch.rests(OrderType.LIMIT, command.timeInForce())) {
            throw ProblemException.invalidField("timeInForce", "MarketOrder",
                    "must be IOC or FOK for a MARKET order, which never rests");
        }
        if (command.limitPrice() != null) {
            Money.fen(command.limitPrice(), "limitPrice");
        }
    }

    private void checkSellBand(PlaceOrder command, Rules now) {
        if (now.referencePrice() == null || now.bandBasisPoints() == 0) {
            return;
        }
        // the engine's own band arithmetic, on a book that holds nothing but the rule
        MatchingEngineBook band = new FastOrderBook();
        band.setReferencePrice(Money.fen(now.referencePrice(), "referencePrice"));
        band.setBandBasisPoints(now.bandBasisPoints());
        long lower = band.lowerBandFen();
        long upper = band.upperBandFen();
        long price = Money.fen(command.limitPrice(), "limitPrice");
        if (price < lower || price > upper) {
            throw ProblemException.rule("price-outside-band", "Price outside the band", "limit prices for "
                    + command.instrumentId() + " must be within " + Money.of(lower) + " and " + Money.of(upper) + " CNY")
                    .with("lowerBand", Money.of(lower)).with("upperBand", Money.of(upper));
        }
    }

    private void checkMinimumValue(PlaceOrder command) {
        BigDecimal value = command.limitPrice().multiply(BigDecimal.valueOf(command.quantity()));
        if (value.compareTo(rules.minimumOrderValue()) < 0) {
            throw ProblemException.rule("below-minimum-order-value", "Order value below the minimum",
                    "quantity × limit price is " + value + " CNY; the minimum is " + rules.minimumOrderValue() + " CNY")
                    .with("minimumOrderValue", rules.minimumOrderValue());
        }
    }

    private record Rules(boolean halted, BigDecimal referencePrice, int bandBasisPoints) {
    }

    private Rules rulesOf(String instrumentId) {
        return jdbc.sql("select halted, reference_price, band_basis_points from instrument where id = :id")
                .param("id", instrumentId).query((rs, row) -> new Rules(rs.getBoolean(1), rs.getBigDecimal(2), rs.getInt(3)))
                .single();
    }
}
