package org.carbonsink.trading.order;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.IntFunction;
import org.carbonsink.support.web.IdempotencyFilter;
import org.carbonsink.support.web.ProblemException;
import org.carbonsink.trading.instrument.Instrument;
import org.carbonsink.trading.instrument.Instruments;
import org.carbonsink.trading.matching.FastOrderBook;
import org.carbonsink.trading.matching.MatchingEngineBook;
import org.carbonsink.trading.matching.OrderType;
import org.carbonsink.trading.matching.Side;
import org.springframework.http.HttpStatus;
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
    private final LegacyOrderIds legacyIds;
    private final CurrentPriceLimits limits;

    PlacingOrder(Instruments instruments, Orders orders, Traders traders, CreditHolds holds,
            Exchange exchange, TradingRules rules, PlatformTransactionManager transactions, JdbcClient jdbc, Clock clock,
            LegacyOrderIds legacyIds, CurrentPriceLimits limits) {
        this.instruments = instruments;
        this.orders = orders;
        this.traders = traders;
        this.holds = holds;
        this.exchange = exchange;
        this.rules = rules;
        this.tx = new TransactionTemplate(transactions);
        this.jdbc = jdbc;
        this.clock = clock;
        this.legacyIds = legacyIds;
        this.limits = limits;
    }

    public Order place(PlaceOrder command) {
        return place(command, null, null).order();
    }

    /**
     * Places an order whose id follows from the participant's {@code requestKey} (its Idempotency-Key; null:
     * a fresh id). {@code requestHash} (the hash of the request, from service-support's IdempotencyFilter) is
     * written on the order's row in the same transaction as the order (the book writer's group commit): a
     * repeat, even one whose first attempt committed but never answered, finds that row by the id and is
     * answered that order ({@link Placement#replayed()}), or refused with 422 if the key came with another
     * request. A refused order wrote nothing, so a repeat of it is checked again.
     */
    public Placement place(PlaceOrder command, String requestKey, String requestHash) {
        UUID id = withLegacyIds(List.of(command), requestKey,
                List.of(orderId(command.participantId(), requestKey, 0))).get(0);
        String hash = hashOf(command, requestKey, requestHash);
        traders.requireTrading(command.participantId());
        checkShape(command);
        Object answer = command.side() == Side.BUY ? exchange.execute(new BookCommand.Place(id, command, hash))
                : sell(command, id, hash);
        return placement(answer);
    }

    /** The id of the {@code index}th order of a request with {@code requestKey}; a fresh id without a key. */
    static UUID orderId(UUID participantId, String requestKey, int index) {
        return requestKey == null ? UUID.randomUUID() : keyedIds(participantId, requestKey).apply(index);
    }

    /**
     * The ids of the orders of one keyed request. They follow from the participant, the key and the order's index
     * in the request, so a retry finds the orders its first attempt placed; and the orders of one request sit side
     * by side in the order table's primary key. The first 118 bits are those of the MD5 of
     * {@code order/<participant>/<key>} (one digest per request) with the version and variant bits of a version 8
     * UUID (RFC 9562: custom), the last 10 the index (a batch holds at most {@link #MAX_BATCH} orders). A batch's
     * rows then go into one or two pages of the index where each used to go to a page of its own, picked at random
     * among millions: that was a third of what PostgreSQL spent per batched order (docs/benchmarks.md, session 10).
     * Orders placed before this form have the ids of {@link #legacyKeyedIds}; see {@link LegacyOrderIds}.
     */
    static IntFunction<UUID> keyedIds(UUID participantId, String requestKey) {
        byte[] hash = md5().digest(("order/" + participantId + "/" + requestKey).getBytes(StandardCharsets.UTF_8));
        long high = bigEndianLong(hash, 0) & ~0xf000L | 0x8000L;
        long low = bigEndianLong(hash, 8) & 0x3fffffffffffffffL | 0x8000000000000000L;
        long request = low & ~INDEX_MASK;
        return index -> {
            if (index < 0 || index > INDEX_MASK) {
                throw new IllegalArgumentException("a request's orders are numbered 0 to " + INDEX_MASK + ", not " + index);
            }
            return new UUID(high, request | index);
        };
    }

    /** The low bits of a keyed order's id that number the orders of its request. */
    private static final long INDEX_MASK = 0x3ff;

    /**
     * The ids keyed orders had before {@link #keyedIds}' form: {@code UUID.nameUUIDFromBytes} of
     * {@code order/<participant>/<key>/<index>} (version 3), through one MD5 algorithm per request that digests
     * each name into the same buffers. A retry of a request sent before the change looks its orders up by these
     * while the database may hold such orders ({@link LegacyOrderIds}). The function is for one thread.
     */
    static IntFunction<UUID> legacyKeyedIds(UUID participantId, String requestKey) {
        byte[] prefix = ("order/" + participantId + "/" + requestKey + "/").getBytes(StandardCharsets.UTF_8);
        // the prefix, then the index's decimal digits (at most 10)
        byte[] name = Arrays.copyOf(prefix, prefix.length + 10);
        byte[] hash = new byte[16];
        MessageDigest digest = md5();
        return index -> {
            int length = prefix.length + digits(index, name, prefix.length);
            digest.update(name, 0, length);
            try {
                digest.digest(hash, 0, hash.length);
            } catch (DigestException e) {
                throw new IllegalStateException("an MD5 digest is 16 bytes", e);
            }
            // version 3 (name-based, MD5) and the IETF variant, as nameUUIDFromBytes sets them
            hash[6] = (byte) (hash[6] & 0x0f | 0x30);
            hash[8] = (byte) (hash[8] & 0x3f | 0x80);
            return new UUID(bigEndianLong(hash, 0), bigEndianLong(hash, 8));
        };
    }

    /**
     * {@code ids} (the keyed ids of {@code commands}, in order), each replaced by the {@link #legacyKeyedIds legacy
     * id} of the same participant, key and index where an order with that id exists: the order an attempt of the
     * request before the change placed. One look-up, and only while {@link LegacyOrderIds} says such orders may exist.
     */
    private List<UUID> withLegacyIds(List<PlaceOrder> commands, String requestKey, List<UUID> ids) {
        if (requestKey == null || !legacyIds.mayExist()) {
            return ids;
        }
        List<UUID> legacy = new ArrayList<>(ids.size());
        IntFunction<UUID> named = null;
        for (int i = 0; i < commands.size(); i++) {
            UUID participant = commands.get(i).participantId();
            if (named == null || !participant.equals(commands.get(i - 1).participantId())) {
                named = legacyKeyedIds(participant, requestKey);
            }
            legacy.add(named.apply(i));
        }
        Map<UUID, Orders.Requested> found = orders.requested(legacy);
        if (found.isEmpty()) {
            return ids;
        }
        List<UUID> chosen = new ArrayList<>(ids);
        for (int i = 0; i < legacy.size(); i++) {
            if (found.containsKey(legacy.get(i))) {
                chosen.set(i, legacy.get(i));
            }
        }
        return chosen;
    }

    /** Writes {@code value} (not negative) in decimal at {@code at}, as {@code Integer.toString} would; its length. */
    private static int digits(int value, byte[] into, int at) {
        int length = 1;
        for (int rest = value; rest >= 10; rest /= 10) {
            length++;
        }
        for (int i = at + length - 1, rest = value; i >= at; i--, rest /= 10) {
            into[i] = (byte) ('0' + rest % 10);
        }
        return length;
    }

    private static long bigEndianLong(byte[] bytes, int from) {
        long value = 0;
        for (int i = from; i < from + 8; i++) {
            value = value << 8 | bytes[i] & 0xff;
        }
        return value;
    }

    private static final MessageDigest MD5 = md5Algorithm();

    private static MessageDigest md5Algorithm() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5", e);
        }
    }

    private static MessageDigest md5() {
        return clone(MD5);
    }

    private static MessageDigest clone(MessageDigest digest) {
        try {
            return (MessageDigest) digest.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's MD5 can be cloned", e);
        }
    }

    /**
     * The hash recorded with a keyed order: the request's, or, for a caller that gives none (no request
     * around it), one of the command itself; null without a key.
     */
    private static String hashOf(PlaceOrder command, String requestKey, String requestHash) {
        if (requestKey == null) {
            return null;
        }
        return requestHash != null ? requestHash
                : "command:" + UUID.nameUUIDFromBytes(command.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** An order placed now, or ({@code replayed}) by an earlier request with the same Idempotency-Key. */
    public record Placement(Order order, boolean replayed) {
    }

    private static Placement placement(Object answer) {
        return answer instanceof Batch.Replayed replayed ? new Placement(replayed.order(), true)
                : new Placement((Order) answer, false);
    }

    static ProblemException keyReused() {
        return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused", "Idempotency key reused",
                "this " + IdempotencyFilter.HEADER + " was used for a different request");
    }

    /**
     * Places up to {@link #MAX_BATCH} orders, each on its own: the buy orders go to their books together,
     * so they share group commits. Answers each order or its refusal, in the order given.
     */
    public List<Placed> placeAll(List<PlaceOrder> commands) {
        return placeAll(commands, null, null);
    }

    /**
     * {@link #placeAll(List)} with the request's Idempotency-Key and hash: the {@code i}th order's id follows
     * from the key and {@code i} and its row records the hash, so a retried batch is answered the orders its
     * first attempt placed. One look-up for the whole batch refuses (422) a key that placed an order of
     * another request.
     */
    public List<Placed> placeAll(List<PlaceOrder> commands, String requestKey, String requestHash) {
        if (commands.size() > MAX_BATCH) {
            throw ProblemException.invalidField("orders", "Size", "must hold at most " + MAX_BATCH + " orders");
        }
        List<UUID> ids = new ArrayList<>(commands.size());
        IntFunction<UUID> keyed = null;
        for (int i = 0; i < commands.size(); i++) {
            UUID participant = commands.get(i).participantId();
            if (requestKey != null && (keyed == null || !participant.equals(commands.get(i - 1).participantId()))) {
                keyed = keyedIds(participant, requestKey);
            }
            ids.add(requestKey == null ? UUID.randomUUID() : keyed.apply(i));
        }
        ids = withLegacyIds(commands, requestKey, ids);
        // without the request's hash (no request around it), each order is its own request
        String hash = requestKey == null ? null : requestHash;
        Map<UUID, Orders.Requested> earlier = hash == null ? Map.of() : orders.requested(ids);
        if (earlier.values().stream().anyMatch(order -> !hash.equals(order.requestHash()))) {
            throw keyReused();
        }
        List<CompletableFuture<Object>> pending = new ArrayList<>(commands.size());
        Exchange.Submitter books = exchange.submitter();
        // the orders of a batch are usually one participant's: its role is checked once, as each order would find it
        UUID trading = null;
        for (int i = 0; i < commands.size(); i++) {
            PlaceOrder command = commands.get(i);
            UUID id = ids.get(i);
            String orderHash = hash != null ? hash : hashOf(command, requestKey, null);
            try {
                if (!command.participantId().equals(trading)) {
                    traders.requireTrading(command.participantId());
                    trading = command.participantId();
                }
                checkShape(command);
                pending.add(command.side() == Side.BUY
                        ? books.submit(new BookCommand.Place(id, command, orderHash,
                                hash != null && !earlier.containsKey(id)))
                        : CompletableFuture.completedFuture(sell(command, id, orderHash)));
            } catch (RuntimeException refused) {
                pending.add(CompletableFuture.failedFuture(refused));
            }
        }
        List<Placed> placed = new ArrayList<>();
        for (CompletableFuture<Object> answer : pending) {
            try {
                placed.add(new Placed(placement(answer.join()).order(), null));
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

    /** A sell order waiting for its hold, or the one an earlier request with the same key placed ({@link Batch.Replayed}). */
    private Object sell(PlaceOrder command, UUID id, String hash) {
        Optional<Object> earlier = earlierSell(id, hash);
        if (earlier.isPresent()) {
            return earlier.get();
        }
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
        Boolean saved = tx.execute(status -> {
            if (!orders.addPending(order, hash)) {
                return false;
            }
            holds.request(order, instrument);
            return true;
        });
        if (!Boolean.TRUE.equals(saved)) {
            // a concurrent request with the same key saved it first
            return earlierSell(id, hash).orElseThrow();
        }
        return orders.find(order.id()).orElseThrow();
    }

    private Optional<Object> earlierSell(UUID id, String hash) {
        if (hash == null) {
            return Optional.empty();
        }
        Orders.Requested earlier = orders.requested(List.of(id)).get(id);
        if (earlier == null) {
            return Optional.empty();
        }
        if (!hash.equals(earlier.requestHash())) {
            throw keyReused();
        }
        return Optional.of(new Batch.Replayed(earlier.order()));
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
        BigDecimal reference = now.operatorReference() != null ? now.operatorReference() : now.previousClose();
        if (reference == null || now.bandBasisPoints() == 0) {
            return;
        }
        // the engine's own band arithmetic, on a book that holds nothing but the rule
        MatchingEngineBook band = new FastOrderBook();
        band.setReferencePrice(Money.fen(reference, "referencePrice"));
        band.setBandBasisPoints(now.bandBasisPoints());
        long price = Money.fen(command.limitPrice(), "limitPrice");
        if (price < band.lowerBandFen() || price > band.upperBandFen()) {
            // the buy order's refusal, with the reference and its source (docs/exchange-engine.md)
            throw Batch.outsideBand(command.instrumentId(), band.lowerBandFen(), band.upperBandFen(),
                    band.referencePrice(), now.bandBasisPoints(), now.operatorReference() != null);
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

    private record Rules(boolean halted, BigDecimal operatorReference, BigDecimal previousClose, int bandBasisPoints) {
    }

    /** The instrument's halt and band; without the operator's reference, the previous session's close, as the book's. */
    private Rules rulesOf(String instrumentId) {
        Rules set = jdbc.sql("select halted, reference_price, band_basis_points from instrument where id = :id")
                .param("id", instrumentId)
                .query((rs, row) -> new Rules(rs.getBoolean(1), rs.getBigDecimal(2), null, rs.getInt(3))).single();
        return set.operatorReference() != null ? set
                : new Rules(set.halted(), null, limits.previousClose(instrumentId), set.bandBasisPoints());
    }
}
