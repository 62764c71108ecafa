package org.carbonsink.trading.matching;

import java.util.Arrays;

/**
 * The book the exchange runs. Orders are nodes in preallocated parallel arrays, linked in time order
 * within their price level and recycled through a free list; price levels are nodes of a treap per
 * side (a binary search tree balanced by a priority derived from the price, so the shape depends only
 * on the prices present), with the best level cached; an {@link OrderIndex} finds orders by id. In
 * steady state no command allocates; the arrays only grow when the book outgrows them.
 */
public final class FastOrderBook extends MarketRules {

    private static final int NONE = -1;
    private static final int BUY = 0;
    private static final int SELL = 1;
    private static final Side[] SIDES = {Side.BUY, Side.SELL};
    private static final TimeInForce[] TIFS = TimeInForce.values();

    // orders
    private long[] orderIds = new long[0];
    private long[] participants = new long[0];
    private long[] prices = new long[0];
    private long[] opens = new long[0];
    private int[] nexts = new int[0];
    private int[] prevs = new int[0];
    private int[] levelOf = new int[0];
    private byte[] sides = new byte[0];
    private byte[] tifs = new byte[0];
    private int freeOrder = NONE;
    private int orderCount;
    private final OrderIndex index;

    // price levels; key = price for asks and −price for bids, so the smallest key is the best level
    private long[] keys = new long[0];
    private long[] levelOpens = new long[0];
    private int[] levelCounts = new int[0];
    private int[] heads = new int[0];
    private int[] tails = new int[0];
    private int[] lefts = new int[0];
    private int[] rights = new int[0];
    private int[] priorities = new int[0];
    private int freeLevel = NONE;
    private final int[] roots = {NONE, NONE};
    private final int[] bests = {NONE, NONE};

    public FastOrderBook() {
        this(1024);
    }

    /** A book sized for about {@code expectedOrders} resting orders; it grows past them if it must. */
    public FastOrderBook(int expectedOrders) {
        int capacity = Math.max(16, expectedOrders);
        index = new OrderIndex(capacity);
        growOrders(capacity);
        growLevels(Math.max(16, capacity / 2));
    }

    @Override
    public void place(long orderId, long participant, Side side, OrderType type, TimeInForce tif, long priceFen,
            long quantity, BookEvents events) {
        if (halted) {
            events.rejected(orderId, RejectReason.HALTED);
            return;
        }
        if (index.get(orderId) != OrderIndex.ABSENT) {
            events.rejected(orderId, RejectReason.DUPLICATE_ORDER_ID);
            return;
        }
        if (quantity <= 0) {
            events.rejected(orderId, RejectReason.INVALID_QUANTITY);
            return;
        }
        boolean market = type == OrderType.MARKET;
        RejectReason refusal = market ? null : refusal(priceFen);
        if (refusal != null) {
            events.rejected(orderId, refusal);
            return;
        }
        events.accepted(orderId);
        int s = side.ordinal();
        long limit = market ? band.marketLimit(side) : priceFen;
        if (tif == TimeInForce.FOK && tradable(roots[1 - s], limitKey(s, limit), participant, quantity, 0) < quantity) {
            events.cancelled(orderId, quantity, CancelReason.FOK_UNFILLED);
            return;
        }
        long remaining = match(orderId, participant, s, limit, quantity, events);
        if (remaining == 0) {
            return;
        }
        if (market) {
            events.cancelled(orderId, remaining, CancelReason.MARKET_REMAINDER);
        } else if (tif == TimeInForce.IOC) {
            events.cancelled(orderId, remaining, CancelReason.IOC_REMAINDER);
        } else {
            rest(orderId, participant, s, tif.ordinal(), priceFen, remaining);
            events.rested(orderId, priceFen, remaining);
        }
    }

    @Override
    public void cancel(long orderId, BookEvents events) {
        int order = index.get(orderId);
        if (order == OrderIndex.ABSENT) {
            events.rejected(orderId, RejectReason.UNKNOWN_ORDER);
            return;
        }
        long open = opens[order];
        remove(order);
        events.cancelled(orderId, open, CancelReason.USER);
    }

    @Override
    public void amend(long orderId, long newPriceFen, long newQuantity, BookEvents events) {
        if (halted) {
            events.rejected(orderId, RejectReason.HALTED);
            return;
        }
        int order = index.get(orderId);
        if (order == OrderIndex.ABSENT) {
            events.rejected(orderId, RejectReason.UNKNOWN_ORDER);
            return;
        }
        if (newQuantity <= 0) {
            events.rejected(orderId, RejectReason.INVALID_QUANTITY);
            return;
        }
        if (newPriceFen == prices[order]) {
            int level = levelOf[order];
            boolean keepsPriority = newQuantity <= opens[order];
            levelOpens[level] += newQuantity - opens[order];
            opens[order] = newQuantity;
            if (!keepsPriority && tails[level] != order) {
                unlink(order, level);
                append(order, level);
            }
            events.amended(orderId, newPriceFen, newQuantity, keepsPriority);
            return;
        }
        RejectReason refusal = refusal(newPriceFen);
        if (refusal != null) {
            events.rejected(orderId, refusal);
            return;
        }
        long participant = participants[order];
        int s = sides[order];
        int tif = tifs[order];
        remove(order);
        events.amended(orderId, newPriceFen, newQuantity, false);
        long remaining = match(orderId, participant, s, newPriceFen, newQuantity, events);
        if (remaining > 0) {
            rest(orderId, participant, s, tif, newPriceFen, remaining);
            events.rested(orderId, newPriceFen, remaining);
        }
    }

    @Override
    public void expireDayOrders(BookEvents events) {
        sessionClosed();
        for (int s = BUY; s <= SELL; s++) {
            int level = bests[s];
            while (level != NONE) {
                // the level may vanish as its orders go, so the walk resumes from its key
                long key = keys[level];
                int order = heads[level];
                while (order != NONE) {
                    int next = nexts[order];
                    if (tifs[order] == TimeInForce.DAY.ordinal()) {
                        long id = orderIds[order];
                        long open = opens[order];
                        remove(order);
                        events.cancelled(id, open, CancelReason.EXPIRED);
                    }
                    order = next;
                }
                level = higher(roots[s], key);
            }
        }
    }

    @Override
    public long bestBid() {
        int level = bests[BUY];
        return level == NONE ? NO_BID : -keys[level];
    }

    @Override
    public long bestAsk() {
        int level = bests[SELL];
        return level == NONE ? NO_ASK : keys[level];
    }

    @Override
    public int orderCount() {
        return orderCount;
    }

    @Override
    public void forEachLevel(Side side, LevelVisitor visitor) {
        visitLevels(roots[side.ordinal()], visitor);
    }

    @Override
    public void forEachOrder(Side side, OrderVisitor visitor) {
        visitOrders(roots[side.ordinal()], visitor);
    }

    @Override
    public boolean contains(long orderId) {
        return index.get(orderId) != OrderIndex.ABSENT;
    }

    @Override
    public long openQuantity(long orderId) {
        int order = index.get(orderId);
        return order == OrderIndex.ABSENT ? 0 : opens[order];
    }

    // matching

    /** The key of the worst counter-level an order of side {@code s} with {@code limit} accepts. */
    private static long limitKey(int s, long limit) {
        return s == BUY ? limit : -limit;
    }

    private long match(long orderId, long participant, int s, long limit, long quantity, BookEvents events) {
        int opposite = 1 - s;
        long worstKey = limitKey(s, limit);
        Side side = SIDES[s];
        long remaining = quantity;
        while (remaining > 0) {
            int level = bests[opposite];
            if (level == NONE || keys[level] > worstKey) {
                break;
            }
            int order = heads[level];
            while (remaining > 0 && order != NONE) {
                int next = nexts[order];
                long makerId = orderIds[order];
                long open = opens[order];
                if (participants[order] == participant) {
                    remove(order);
                    events.cancelled(makerId, open, CancelReason.SELF_TRADE);
                } else {
                    long traded = Math.min(remaining, open);
                    long price = prices[order];
                    long maker = participants[order];
                    remaining -= traded;
                    boolean makerFilled = traded == open;
                    if (makerFilled) {
                        remove(order);
                    } else {
                        opens[order] = open - traded;
                        levelOpens[level] -= traded;
                    }
                    tradedAt(price);
                    events.trade(orderId, makerId, participant, maker, side, price, traded, makerFilled);
                }
                order = next;
            }
        }
        return remaining;
    }

    /**
     * Adds to {@code sum} what the levels of a subtree up to {@code worstKey} hold for another participant,
     * best first, stopping once {@code needed} is reached.
     */
    private long tradable(int level, long worstKey, long participant, long needed, long sum) {
        if (level == NONE || sum >= needed) {
            return sum;
        }
        sum = tradable(lefts[level], worstKey, participant, needed, sum);
        if (sum >= needed || keys[level] > worstKey) {
            return sum;
        }
        for (int order = heads[level]; order != NONE && sum < needed; order = nexts[order]) {
            if (participants[order] != participant) {
                sum += opens[order];
            }
        }
        return tradable(rights[level], worstKey, participant, needed, sum);
    }

    // orders

    private void rest(long orderId, long participant, int s, int tif, long price, long open) {
        if (freeOrder == NONE) {
            growOrders(orderIds.length * 2);
        }
        int order = freeOrder;
        freeOrder = nexts[order];
        orderIds[order] = orderId;
        participants[order] = participant;
        prices[order] = price;
        opens[order] = open;
        sides[order] = (byte) s;
        tifs[order] = (byte) tif;
        int level = levelAt(s, s == BUY ? -price : price);
        append(order, level);
        index.put(orderId, order);
        orderCount++;
    }

    /** Takes an order out of the book, with its level if it was the last there. */
    private void remove(int order) {
        int level = levelOf[order];
        unlink(order, level);
        if (levelCounts[level] == 0) {
            removeLevel(sides[order], level);
        }
        index.remove(orderIds[order]);
        nexts[order] = freeOrder;
        freeOrder = order;
        orderCount--;
    }

    private void append(int order, int level) {
        int tail = tails[level];
        prevs[order] = tail;
        nexts[order] = NONE;
        if (tail == NONE) {
            heads[level] = order;
        } else {
            nexts[tail] = order;
        }
        tails[level] = order;
        levelOf[order] = level;
        levelCounts[level]++;
        levelOpens[level] += opens[order];
    }

    private void unlink(int order, int level) {
        int prev = prevs[order];
        int next = nexts[order];
        if (prev == NONE) {
            heads[level] = next;
        } else {
            nexts[prev] = next;
        }
        if (next == NONE) {
            tails[level] = prev;
        } else {
            prevs[next] = prev;
        }
        levelCounts[level]--;
        levelOpens[level] -= opens[order];
    }

    // price levels

    /** The level with this key on side {@code s}, created if there is none. */
    private int levelAt(int s, long key) {
        int level = roots[s];
        while (level != NONE) {
            long k = keys[level];
            if (key == k) {
                return level;
            }
            level = key < k ? lefts[level] : rights[level];
        }
        if (freeLevel == NONE) {
            growLevels(keys.length * 2);
        }
        level = freeLevel;
        freeLevel = lefts[level];
        keys[level] = key;
        levelOpens[level] = 0;
        levelCounts[level] = 0;
        heads[level] = NONE;
        tails[level] = NONE;
        lefts[level] = NONE;
        rights[level] = NONE;
        priorities[level] = priority(key);
        roots[s] = insert(roots[s], level);
        int best = bests[s];
        if (best == NONE || key < keys[best]) {
            bests[s] = level;
        }
        return level;
    }

    private void removeLevel(int s, int level) {
        roots[s] = delete(roots[s], keys[level]);
        if (bests[s] == level) {
            bests[s] = lowest(roots[s]);
        }
        lefts[level] = freeLevel;
        freeLevel = level;
    }

    private int insert(int root, int level) {
        if (root == NONE) {
            return level;
        }
        if (keys[level] < keys[root]) {
            lefts[root] = insert(lefts[root], level);
            if (priorities[lefts[root]] > priorities[root]) {
                return rotateRight(root);
            }
        } else {
            rights[root] = insert(rights[root], level);
            if (priorities[rights[root]] > priorities[root]) {
                return rotateLeft(root);
            }
        }
        return root;
    }

    private int delete(int root, long key) {
        long k = keys[root];
        if (key == k) {
            return join(lefts[root], rights[root]);
        }
        if (key < k) {
            lefts[root] = delete(lefts[root], key);
        } else {
            rights[root] = delete(rights[root], key);
        }
        return root;
    }

    /** Joins two subtrees where every key of {@code low} is below every key of {@code high}. */
    private int join(int low, int high) {
        if (low == NONE) {
            return high;
        }
        if (high == NONE) {
            return low;
        }
        if (priorities[low] > priorities[high]) {
            rights[low] = join(rights[low], high);
            return low;
        }
        lefts[high] = join(low, lefts[high]);
        return high;
    }

    private int rotateRight(int root) {
        int left = lefts[root];
        lefts[root] = rights[left];
        rights[left] = root;
        return left;
    }

    private int rotateLeft(int root) {
        int right = rights[root];
        rights[root] = lefts[right];
        lefts[right] = root;
        return right;
    }

    private int lowest(int root) {
        if (root == NONE) {
            return NONE;
        }
        while (lefts[root] != NONE) {
            root = lefts[root];
        }
        return root;
    }

    /** The level with the smallest key above {@code key}, or NONE. */
    private int higher(int root, long key) {
        int found = NONE;
        while (root != NONE) {
            if (keys[root] > key) {
                found = root;
                root = lefts[root];
            } else {
                root = rights[root];
            }
        }
        return found;
    }

    private static int priority(long key) {
        // a fixed mix of the key: the tree's shape is a function of the prices alone, hence deterministic
        long z = key * 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 32)) * 0xD6E8FEB86659FD93L;
        return (int) (z ^ (z >>> 32));
    }

    private void visitLevels(int level, LevelVisitor visitor) {
        if (level == NONE) {
            return;
        }
        visitLevels(lefts[level], visitor);
        visitor.level(Math.abs(keys[level]), levelOpens[level], levelCounts[level]);
        visitLevels(rights[level], visitor);
    }

    private void visitOrders(int level, OrderVisitor visitor) {
        if (level == NONE) {
            return;
        }
        visitOrders(lefts[level], visitor);
        for (int order = heads[level]; order != NONE; order = nexts[order]) {
            visitor.order(orderIds[order], participants[order], prices[order], opens[order], TIFS[tifs[order]]);
        }
        visitOrders(rights[level], visitor);
    }

    // storage

    private void growOrders(int capacity) {
        int old = orderIds.length;
        orderIds = Arrays.copyOf(orderIds, capacity);
        participants = Arrays.copyOf(participants, capacity);
        prices = Arrays.copyOf(prices, capacity);
        opens = Arrays.copyOf(opens, capacity);
        nexts = Arrays.copyOf(nexts, capacity);
        prevs = Arrays.copyOf(prevs, capacity);
        levelOf = Arrays.copyOf(levelOf, capacity);
        sides = Arrays.copyOf(sides, capacity);
        tifs = Arrays.copyOf(tifs, capacity);
        for (int i = capacity - 1; i >= old; i--) {
            nexts[i] = freeOrder;
            freeOrder = i;
        }
    }

    private void growLevels(int capacity) {
        int old = keys.length;
        keys = Arrays.copyOf(keys, capacity);
        levelOpens = Arrays.copyOf(levelOpens, capacity);
        levelCounts = Arrays.copyOf(levelCounts, capacity);
        heads = Arrays.copyOf(heads, capacity);
        tails = Arrays.copyOf(tails, capacity);
        lefts = Arrays.copyOf(lefts, capacity);
        rights = Arrays.copyOf(rights, capacity);
        priorities = Arrays.copyOf(priorities, capacity);
        for (int i = capacity - 1; i >= old; i--) {
            lefts[i] = freeLevel;
            freeLevel = i;
        }
    }
}
